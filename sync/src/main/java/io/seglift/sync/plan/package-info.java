/**
 * Planning a sync run in the warehouse: which members of the latest segment build are sent, which are excluded and
 * why (holdout, suppression, consent, identifiers), and the diff against the sync's committed state.
 */
package io.seglift.sync.plan;
