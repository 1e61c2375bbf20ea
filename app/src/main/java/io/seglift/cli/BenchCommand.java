package io.seglift.cli;

import io.seglift.bench.BenchRun;
import io.seglift.bench.BenchTable;
import io.seglift.bench.Measurement;
import io.seglift.bench.ScalingChart;
import io.seglift.bench.ScalingPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code seglift bench}: each step against its hand-written baseline in one process, and the scaling run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generate N customers with 10 orders each in a temporary DuckDB file, then time each Seglift "
                + "step and its hand-written baseline alternately in this process (medians of --repeats): rfm, train, "
                + "score_sql, score_sql_shape, score_default, rescore, plan, cold_start.",
                "Prints Seglift time, baseline time and their ratio; progress goes to stderr. With --scaling: RFM, "
                        + "segments, scoring and plan at each size, with wall time and peak heap. Nothing leaves the "
                        + "machine."},
        footer = {"", "Example: seglift bench --customers 100000 --only rfm,plan --format json",
                "         seglift bench --scaling 100000,1000000 --chart scaling.svg"})
public final class BenchCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "1000000",
            description = "Customers to generate (default: ${DEFAULT-VALUE}).")
    long customers;
    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Runs of each side; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--only", paramLabel = "MEASURE", split = ",",
            description = "Run only these measures (comma-separated).")
    List<String> only = List.of();
    @Option(names = "--scaling", paramLabel = "N", split = ",",
            description = "Run the scaling measurement at these sizes instead, e.g. 100000,1000000,10000000.")
    List<Long> scaling = List.of();
    @Option(names = "--chart", paramLabel = "FILE.svg", description = "With --scaling: write a log-log SVG chart here.")
    Path chart;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text or json (default: ${DEFAULT-VALUE}).", converter = GlobalOptions.FormatConverter.class)
    OutputFormat format;

    public BenchCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        if (chart != null && scaling.isEmpty()) {
            throw new CliException(ExitCode.INVALID, "--chart needs --scaling (e.g. --scaling 100000,300000)");
        }
        BenchRun run = new BenchRun(session.warehouses(), session.destinations(), session::openWarehouse,
                session.clock(), session.progress(), System.err);
        try {
            if (!scaling.isEmpty()) {
                List<ScalingPoint> points = run.scaling(scaling);
                System.out.print(format == OutputFormat.JSON
                        ? Json.write(points.stream().map(ScalingPoint::json).toList()) + "\n"
                        : BenchTable.scaling(points));
                if (chart != null) {
                    writeChart(points);
                }
                return ExitCode.OK;
            }
            List<Measurement> results = run.measures(customers, repeats, only);
            System.out.print(format == OutputFormat.JSON
                    ? Json.write(results.stream().map(Measurement::json).toList()) + "\n"
                    : BenchTable.render(results));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.INVALID, e.getMessage(), e);
        }
        return ExitCode.OK;
    }

    private void writeChart(List<ScalingPoint> points) {
        try {
            Files.writeString(chart, ScalingChart.svg(points), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILED, "--chart: cannot write " + chart + ": " + e.getMessage(), e);
        }
        System.err.println("bench: chart written to " + chart);
    }
}
