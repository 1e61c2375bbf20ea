/**
 * {@code seglift sql}: the read-only check of a statement and the writers that stream its rows as an aligned text
 * table, CSV or JSON.
 */
package io.seglift.cli.sql;
