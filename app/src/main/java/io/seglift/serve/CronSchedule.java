package io.seglift.serve;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.ZonedDateTime;
import java.util.Optional;

/** A 5-field UNIX cron expression, as written in {@code syncs[].schedule}. */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime execution;

    private CronSchedule(String expression, ExecutionTime execution) {
        this.expression = expression;
        this.execution = execution;
    }

    /** Parses {@code expression}; throws {@link IllegalArgumentException} naming the expression and the format. */
    public static CronSchedule parse(String expression) {
        try {
            return new CronSchedule(expression, ExecutionTime.forCron(PARSER.parse(expression)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a 5-field cron expression (minute hour day month"
                    + " weekday, e.g. \"0 6 * * *\"): " + e.getMessage(), e);
        }
    }

    /** The first execution strictly after {@code after}. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        return execution.nextExecution(after);
    }

    public String expression() {
        return expression;
    }
}
