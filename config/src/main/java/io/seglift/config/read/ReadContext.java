package io.seglift.config.read;

import io.seglift.config.SqlFragment;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * What every section reader needs: where problems go and how references resolve. A reference that cannot be resolved
 * inside a destination block is not an error of the file: it goes to {@code deferred} and matters only to the
 * commands that use that destination (validate, plan, sync); everywhere else it is an error. Every piece of user SQL
 * read is recorded in {@code sql} with its position.
 */
public record ReadContext(Problems problems, References references, Problems deferred, List<SqlFragment> sql) {
    private static final String DEFERRED_SECTION = "destinations.";

    public ReadContext(Problems problems, References references) {
        this(problems, references, new Problems(problems.file()), new ArrayList<>());
    }

    public ReadContext(Problems problems, References references, Problems deferred) {
        this(problems, references, deferred, new ArrayList<>());
    }

    /**
     * Records a reference that could not be resolved; returns whether it was deferred (the reader then carries on
     * without the value) rather than reported as an error.
     */
    public boolean unresolved(Node at, String path, String message) {
        if (path.startsWith(DEFERRED_SECTION)) {
            deferred.error(at, path, message);
            return true;
        }
        problems.error(at, path, message);
        return false;
    }
}
