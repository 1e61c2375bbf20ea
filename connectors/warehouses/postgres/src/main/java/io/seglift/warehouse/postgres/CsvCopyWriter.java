package io.seglift.warehouse.postgres;

import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Encodes rows as PostgreSQL CSV ({@code COPY ... WITH (FORMAT csv)}) and sends them in chunks of about
 * {@link #CHUNK_BYTES}: every non-null value is quoted (quotes doubled), so text with commas, quotes and newlines
 * round-trips, a quoted empty string stays empty, and SQL NULL is the unquoted empty field.
 */
final class CsvCopyWriter {
    /** Bytes buffered before they are sent; bounds memory whatever the input size. */
    static final int CHUNK_BYTES = 1 << 20;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK_BYTES + 4096);
    private final StringBuilder line = new StringBuilder(256);

    CsvCopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    void row(Object[] values) throws SQLException {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) line.append(',');
            Object v = values[i];
            if (v != null) {
                String text = text(v);
                line.append('"');
                for (int c = 0; c < text.length(); c++) {
                    char ch = text.charAt(c);
                    if (ch == '"') line.append('"');
                    line.append(ch);
                }
                line.append('"');
            }
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        if (buffer.size() >= CHUNK_BYTES) flush();
    }

    void flush() throws SQLException {
        if (buffer.size() == 0) return;
        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
        buffer.reset();
    }

    /** Sends what is buffered and completes the COPY; returns the rows PostgreSQL stored. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    void cancel() {
        try {
            if (copy.isActive()) copy.cancelCopy();
        } catch (SQLException e) {
            // the COPY is abandoned either way; the original failure is what the caller reports
        }
    }

    static String text(Object v) {
        if (v instanceof Instant t) return TIMESTAMP.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        if (v instanceof LocalDateTime t) return TIMESTAMP.format(t);
        if (v instanceof java.sql.Timestamp t) return TIMESTAMP.format(t.toLocalDateTime());
        if (v instanceof Boolean b) return b ? "true" : "false";
        if (v instanceof Enum<?> e) return e.name();
        return v.toString();
    }
}
