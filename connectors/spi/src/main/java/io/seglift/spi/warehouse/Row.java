package io.seglift.spi.warehouse;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The current row of a streamed result. Valid only inside the {@link RowHandler} call that received it. Getters return
 * {@code null} for SQL NULL (boxed types); column names are matched case-insensitively.
 */
public interface Row {
    int columnCount();

    String columnName(int index);

    Object get(int index);

    Object get(String column);

    String string(String column);

    Long longValue(String column);

    Double doubleValue(String column);

    Boolean bool(String column);

    LocalDate date(String column);

    Instant timestamp(String column);
}
