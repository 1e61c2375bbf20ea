package io.seglift.config;

import io.seglift.spi.warehouse.TableName;

import java.util.Optional;

/**
 * {@code sources.orders}: one row per order or per order line. The value of a row is {@code amount}, or
 * {@code quantity * unit_price} when those are given instead.
 *
 * @param table     the table
 * @param customer  customer key column
 * @param at        order date or timestamp column
 * @param orderId   order id column; needed to count orders when the table holds lines
 * @param amount    value column
 * @param quantity  quantity column (with {@code unit_price})
 * @param unitPrice unit price column (with {@code quantity})
 * @param category  product category column, for category breadth features
 * @param rules     how messy rows are treated
 */
public record OrdersSource(TableName table, String customer, String at, Optional<String> orderId,
                           Optional<String> amount, Optional<String> quantity, Optional<String> unitPrice,
                           Optional<String> category, OrderRules rules) {
}
