package io.seglift.cli;

import io.seglift.config.ProjectConfig;
import io.seglift.measure.CohortLift;
import io.seglift.measure.Measurement;
import io.seglift.measure.MeasurementReport;
import io.seglift.measure.SegmentMeasurement;
import io.seglift.report.HtmlReport;
import io.seglift.spi.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code seglift report}: measures lift, stability, model validity and sync health, and writes the HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Measure whether segments worked: lift of treated members over the holdout per cohort with 95%% "
                + "ranges, power against the brief's target, stability between builds, whether model predictions "
                + "came true, sync health and the latest audit. Writes one self-contained HTML file (no network "
                + "needed); --format json prints the same numbers instead.",
        footer = {"", "Example: seglift report --open", "         seglift report --format json > lift.json"})
public final class ReportCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    GlobalOptions options;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the HTML report (default: seglift-report.html next to the project file).")
    Path out;

    @Option(names = "--open", description = "Open the report in the default browser (xdg-open / open); prints the path if neither works.")
    boolean open;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Measure outcomes known up to this date, YYYY-MM-DD (default: the earlier of today and the latest order date).")
    String asOf;

    public ReportCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ProjectConfig project = session.project(options);
        Optional<LocalDate> asOfDate = parseAsOf();
        MeasurementReport report;
        session.progress().start("measuring segments, models and syncs", 0);
        try (Warehouse w = session.openWarehouse(project)) {
            report = new Measurement(project, w, session.clock()).report(asOfDate);
            CommandAlerts.measured(session, project, w, report); // alerts: lift_verdict_change
        }
        session.progress().finish("measured " + report.segments().size() + " segment(s), " + report.models().size()
                + " model(s) as of " + report.asOf());
        PrintStream stdout = System.out;
        if (options.json()) {
            stdout.println(Json.write(report));
            if (out != null) writeHtml(report, out);
            return ExitCode.OK;
        }
        Path file = out != null ? out : project.projectDir().resolve("seglift-report.html");
        writeHtml(report, file);
        stdout.println("Report written to " + file.toAbsolutePath());
        stdout.println("Outcomes known up to " + report.asOf() + " (" + report.asOfRule() + ")");
        for (SegmentMeasurement s : report.segments()) {
            CohortLift p = s.pooled();
            stdout.println("  " + s.segment() + ": " + (p == null ? "not measured" : p.state().name()) + " - "
                    + s.verdict());
        }
        if (open && !openInBrowser(file)) {
            stdout.println("Open it in a browser: " + file.toAbsolutePath().toUri());
        }
        return ExitCode.OK;
    }

    private Optional<LocalDate> parseAsOf() {
        if (asOf == null) return Optional.empty();
        try {
            return Optional.of(LocalDate.parse(asOf.trim()));
        } catch (DateTimeParseException e) {
            throw new CliException(ExitCode.INVALID, "--as-of '" + asOf + "' is not a date (allowed: YYYY-MM-DD)");
        }
    }

    private static void writeHtml(MeasurementReport report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, new HtmlReport().render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILED, "cannot write the report to " + file.toAbsolutePath() + ": "
                    + e.getMessage());
        }
    }

    private boolean openInBrowser(Path file) {
        for (List<String> cmd : List.of(List.of("xdg-open", file.toString()), List.of("open", file.toString()))) {
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) return true;
            } catch (IOException e) {
                // not installed: try the next opener
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
