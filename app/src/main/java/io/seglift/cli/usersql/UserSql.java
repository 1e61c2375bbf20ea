package io.seglift.cli.usersql;

import io.seglift.config.ConfigException;
import io.seglift.config.Problem;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SqlFragment;
import io.seglift.spi.warehouse.Warehouse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one place where the warehouse's objection to a statement becomes a problem of the project file: when a
 * statement holding user SQL fails, each fragment it holds is compiled on its own; the ones the warehouse refuses are
 * reported with their line and YAML path as a {@link ConfigException} (exit 2). When none is refused, the failure
 * stays what it was.
 */
public final class UserSql {
    private final ProjectConfig project;
    private final Clock clock;

    public UserSql(ProjectConfig project, Clock clock) {
        this.project = project;
        this.clock = clock;
    }

    /** Fragments written in {@code sql} (every fragment when {@code sql} is unknown, i.e. null). */
    public List<SqlFragment> in(String sql) {
        Predicate<SqlFragment> held = f -> sql == null || sql.contains(f.sql());
        return project.sqlFragments().stream().filter(held).toList();
    }

    /** Whether {@code sql} holds any fragment; statements Seglift builds alone are never re-checked. */
    public boolean holdsAny(String sql) {
        return sql == null ? !project.sqlFragments().isEmpty() : !in(sql).isEmpty();
    }

    /**
     * The config error explaining {@code failure} of a statement holding {@code sql} (null: unknown), checked on
     * {@code w}; empty when no fragment in it is refused or the warehouse cannot be asked.
     */
    public Optional<ConfigException> explain(Warehouse w, String sql, Throwable failure) {
        List<SqlFragment> suspects = in(sql);
        if (suspects.isEmpty()) return Optional.empty();
        try {
            if (w.checkQuery("SELECT 1 AS x").isPresent()) return Optional.empty();
            List<Problem> broken = check(w).check(suspects).broken();
            if (broken.isEmpty()) return Optional.empty();
            ConfigException e = new ConfigException(broken);
            e.addSuppressed(failure);
            return Optional.of(e);
        } catch (RuntimeException checking) {
            failure.addSuppressed(checking);
            return Optional.empty();
        }
    }

    /** A checker over {@code w} with the member profile as of today. */
    public UserSqlCheck check(Warehouse w) {
        return new UserSqlCheck(w, project, LocalDate.now(clock));
    }
}
