package io.seglift.warehouse.snowflake;

import io.seglift.spi.warehouse.WarehouseException;

import java.util.Locale;

/** A statement over Snowflake's text limit, refused before it is sent (Snowflake would truncate its history entry). */
public final class StatementTooLargeException extends WarehouseException {
    public StatementTooLargeException(int bytes, int limit) {
        super(String.format(Locale.ROOT, "statement of %,d bytes is over Snowflake's %,d-byte limit per statement; "
                + "split it (e.g. score a large model a group of trees per statement)", bytes, limit));
    }
}
