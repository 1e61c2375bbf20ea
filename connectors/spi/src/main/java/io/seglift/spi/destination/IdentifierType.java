package io.seglift.spi.destination;

/**
 * Kinds of identifier a member can carry. Which ones a destination matches on is in {@link Capabilities#identifiers()};
 * the engine sends only those. Values are raw in the JVM and must never be logged; destinations that require hashing
 * (Facebook) normalize and hash them before they leave the process.
 */
public enum IdentifierType {
    EMAIL, PHONE, EXTERNAL_ID, FIRST_NAME, LAST_NAME, CITY, STATE, ZIP, COUNTRY, GENDER, DATE_OF_BIRTH, MOBILE_AD_ID;

    /** True for identifiers that are personal data and must never appear in logs, run tables or messages. */
    public boolean isPersonal() {
        return this != EXTERNAL_ID;
    }
}
