/**
 * The cleaned view of the customer's orders that every score, feature and outcome is computed from, so that audit,
 * RFM, propensity features and lift all count a purchase the same way.
 */
package io.seglift.scoring.data;
