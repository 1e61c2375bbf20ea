/**
 * Who may be reached on a channel: the single definition of consent, do-not-disturb and identifier presence, as SQL
 * over the customers' columns, shared by the readiness audit and the sync planner.
 */
package io.seglift.config.eligibility;
