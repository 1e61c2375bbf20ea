package io.seglift.config.read;

import io.seglift.config.Problem;
import org.snakeyaml.engine.v2.nodes.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem (and warning) found in one file, each placed at the node it concerns. */
public final class Problems {
    private final Path file;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    public Problems(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void error(Node at, String path, String message) {
        errors.add(problem(at, path, message));
    }

    public void error(int line, int column, String path, String message) {
        errors.add(new Problem(file, line, column, path, message));
    }

    public void warn(Node at, String path, String message) {
        warnings.add(problem(at, path, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int count() {
        return errors.size();
    }

    /** Errors in file order. */
    public List<Problem> errors() {
        return sorted(errors);
    }

    public List<Problem> warnings() {
        return sorted(warnings);
    }

    private static List<Problem> sorted(List<Problem> list) {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return List.copyOf(copy);
    }

    private Problem problem(Node at, String path, String message) {
        int line = 0;
        int column = 0;
        if (at != null && at.getStartMark().isPresent()) {
            line = at.getStartMark().get().getLine() + 1;
            column = at.getStartMark().get().getColumn() + 1;
        }
        return new Problem(file, line, column, path, message);
    }
}
