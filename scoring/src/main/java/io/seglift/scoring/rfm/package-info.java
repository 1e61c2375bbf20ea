/**
 * RFM in the warehouse: recency, frequency and monetary value per customer as of a date, scored 1..bins with ties
 * sharing a score, named by a first-match segment map, and stored with history in {@code rfm_scores}.
 */
package io.seglift.scoring.rfm;
