package io.seglift.config;

import io.seglift.spi.warehouse.TableName;

import java.util.List;

/**
 * {@code sources.events}: engagement events (email opens and clicks, sessions).
 *
 * @param table       the table
 * @param customer    customer key column
 * @param at          event timestamp column
 * @param type        event type column
 * @param openValues  values of {@code type} that mean an open (default {@code [open]})
 * @param clickValues values of {@code type} that mean a click (default {@code [click]})
 */
public record EventsSource(TableName table, String customer, String at, String type, List<String> openValues,
                           List<String> clickValues) {
    public EventsSource {
        openValues = List.copyOf(openValues);
        clickValues = List.copyOf(clickValues);
    }
}
