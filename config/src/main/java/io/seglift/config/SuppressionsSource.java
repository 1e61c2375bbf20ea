package io.seglift.config;

import io.seglift.spi.warehouse.TableName;

/**
 * {@code sources.suppressions}: customers never to be sent anywhere (legal holds, complaints, staff).
 *
 * @param table    the table
 * @param customer customer key column
 */
public record SuppressionsSource(TableName table, String customer) {
}
