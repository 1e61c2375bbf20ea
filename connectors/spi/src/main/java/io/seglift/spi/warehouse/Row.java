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

    /**
     * Column {@code index} (0-based) as a primitive double, {@code missing} for SQL NULL; booleans read as 1 and 0.
     * For hot loops over numeric columns (feature matrices): implementations override it to read without boxing.
     *
     * @throws WarehouseException if the value is neither a number nor a boolean
     */
    default double doubleOr(int index, double missing) {
        Object v = get(index);
        if (v == null) {
            return missing;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new WarehouseException("column " + columnName(index) + " is not numeric (" + v.getClass().getSimpleName() + ")");
    }

    String string(String column);

    Long longValue(String column);

    Double doubleValue(String column);

    Boolean bool(String column);

    LocalDate date(String column);

    Instant timestamp(String column);
}
