/**
 * The SQL users write in the project file (segment rules, sync {@code fields}, {@code cancelled_when},
 * {@code sql_features}, RFM segment rules): checked against the warehouse by {@code seglift validate}, and the
 * warehouse's objections to it during a run reported at the fragment's line and YAML path (exit 2), not as a failed run.
 */
package io.seglift.cli.usersql;
