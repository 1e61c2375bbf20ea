package io.seglift.cli.sql;

import java.io.PrintWriter;
import java.util.List;

/** RFC 4180 CSV with a header row, streamed row by row; NULL is an empty field. */
public final class CsvResultWriter implements ResultWriter {
    private final PrintWriter out;

    public CsvResultWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void columns(List<String> names) {
        write(names.toArray());
    }

    @Override
    public void row(Object[] values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) cells[i] = Cells.text(values[i]);
        write(cells);
    }

    private void write(Object[] cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) line.append(',');
            if (cells[i] != null) line.append(escape(cells[i].toString()));
        }
        out.print(line);
        out.print("\r\n");
    }

    static String escape(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void finish(boolean truncated) {
        out.flush();
    }
}
