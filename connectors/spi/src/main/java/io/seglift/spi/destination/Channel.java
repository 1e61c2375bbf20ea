package io.seglift.spi.destination;

/**
 * The marketing channel a destination activates, which decides the consent the engine requires before sending a
 * member: {@link #EMAIL} needs email consent, {@link #SMS} SMS consent and no do-not-disturb flag, {@link #ADS} ad
 * consent when the project declares a column for it, {@link #CRM} none (records are kept, messaging is the CRM's
 * own business).
 */
public enum Channel { CRM, EMAIL, SMS, ADS }
