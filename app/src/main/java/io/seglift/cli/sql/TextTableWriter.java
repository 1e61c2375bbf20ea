package io.seglift.cli.sql;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table. Rows are held until the end to size the columns, so callers cap them with a limit; numbers
 * are right-aligned, NULL is shown as {@code NULL}.
 */
public final class TextTableWriter implements ResultWriter {
    private static final int MAX_WIDTH = 60;
    private final PrintWriter out;
    private List<String> names = List.of();
    private final List<String[]> rows = new ArrayList<>();
    private boolean[] numeric = new boolean[0];

    public TextTableWriter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void columns(List<String> names) {
        this.names = List.copyOf(names);
        this.numeric = new boolean[names.size()];
        java.util.Arrays.fill(numeric, true);
    }

    @Override
    public void row(Object[] values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            String t = Cells.text(values[i]);
            if (values[i] != null && !(values[i] instanceof Number)) numeric[i] = false;
            cells[i] = t == null ? "NULL" : clip(t.replace('\n', ' ').replace('\r', ' '));
        }
        rows.add(cells);
    }

    @Override
    public void finish(boolean truncated) {
        if (names.isEmpty()) {
            out.println("(0 rows)");
            out.flush();
            return;
        }
        int[] width = new int[names.size()];
        for (int i = 0; i < width.length; i++) width[i] = names.get(i).length();
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            if (i > 0) {
                header.append("  ");
                rule.append("  ");
            }
            header.append(pad(names.get(i), width[i], numeric[i] && !rows.isEmpty()));
            rule.append("-".repeat(width[i]));
        }
        out.println(header.toString().stripTrailing());
        out.println(rule);
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) line.append("  ");
                line.append(pad(r[i], width[i], numeric[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.printf("(%d row%s%s)%n", rows.size(), rows.size() == 1 ? "" : "s",
                truncated ? "; more rows exist: raise --limit, or use --format csv or json for all rows" : "");
        out.flush();
    }

    private static String clip(String s) {
        return s.length() <= MAX_WIDTH ? s : s.substring(0, MAX_WIDTH - 3) + "...";
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
