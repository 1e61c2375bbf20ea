package io.seglift.cli;

import io.seglift.config.ProjectLoader;
import io.seglift.demo.DemoContext;
import io.seglift.demo.DemoSpec;
import io.seglift.demo.DemoStage;
import io.seglift.demo.DemoStages;
import io.seglift.demo.StageResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code seglift demo [DIR]}: the whole pipeline on the demo project, creating it first when needed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on the demo project in DIR (created with seglift init --demo when "
                + "missing): generate data, audit, RFM, models, segments, sandbox sync, outcome simulation, lift "
                + "report, summary. The sandboxes are local: nothing leaves the machine.",
        footer = {"", "Example: seglift demo ./seglift-demo"})
public final class DemoCommand implements Callable<Integer> {
    private final Session session;
    private final List<DemoStage> stages;

    @Mixin
    GlobalOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "seglift-demo",
            description = "Demo folder (default: ./${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "100000",
            description = "Customers to generate when DIR has no project yet (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Random seed when DIR has no project yet (default: ${DEFAULT-VALUE}).")
    long seed;

    public DemoCommand(Session session) {
        this(session, DemoStages.defaults(session.destinations()));
    }

    DemoCommand(Session session, List<DemoStage> stages) {
        this.session = session;
        this.stages = List.copyOf(stages);
    }

    /** One stage's outcome, as printed, with its wall time. */
    record Ran(String stage, StageResult.Status status, String summary, double seconds) {
    }

    @Override
    public Integer call() {
        if (customers < 1 || customers > 10_000_000) {
            throw new CliException(ExitCode.INVALID, "--customers: " + customers + " is out of range (allowed: 1 to 10000000)");
        }
        List<Ran> ran = new ArrayList<>();
        Set<Path> outputs = new LinkedHashSet<>();
        boolean failed = false;
        try (DemoContext context = new DemoContext(dir, DemoSpec.of(customers, seed), session.warehouses(),
                session.clock(), session.progress(), session.env(),
                (file, env) -> new ProjectLoader(session.warehouses(), session.destinations(), env).load(file),
                session::openWarehouse)) {
            int n = 0;
            for (DemoStage stage : stages) {
                n++;
                if (failed) {
                    ran.add(new Ran(stage.name(), StageResult.Status.NOT_RUN, "an earlier stage failed", 0));
                    continue;
                }
                System.err.printf("[seglift] demo %d/%d: %s%n", n, stages.size(), stage.name());
                StageResult r;
                long started = System.nanoTime();
                try {
                    r = stage.run(context);
                } catch (CliException e) {
                    r = StageResult.failed(e.getMessage());
                } catch (RuntimeException e) {
                    r = StageResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
                } catch (Exception e) {
                    r = StageResult.failed(e.toString());
                }
                if (r.status() == StageResult.Status.FAILED) failed = true;
                r.outputs().forEach(p -> outputs.add(p.toAbsolutePath().normalize()));
                ran.add(new Ran(stage.name(), r.status(), r.summary(), (System.nanoTime() - started) / 1e9));
            }
        }
        print(ran, outputs, failed);
        return failed ? ExitCode.FAILED : ExitCode.OK;
    }

    private void print(List<Ran> ran, Set<Path> outputs, boolean failed) {
        List<String> next = failed ? List.of() : nextSteps(outputs);
        if (options.json()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dir", dir.toAbsolutePath().normalize().toString());
            out.put("stages", ran);
            out.put("outputs", outputs.stream().map(Path::toString).toList());
            out.put("next", next);
            System.out.println(Json.write(out));
            return;
        }
        System.out.println("Seglift demo in " + dir.toAbsolutePath().normalize());
        int width = ran.stream().mapToInt(r -> r.stage().length()).max().orElse(0);
        String indent = " ".repeat(2 + width + 2 + 13 + 1 + 7 + 2);
        for (Ran r : ran) {
            List<String> lines = summaryLines(r.summary());
            System.out.printf(Locale.ROOT, "  %-" + width + "s  %-13s %6.1fs  %s%n", r.stage(), label(r.status()),
                    r.seconds(), lines.get(0));
            lines.subList(1, lines.size()).forEach(line -> System.out.println(indent + line));
        }
        System.out.printf(Locale.ROOT, "Wall time %.1fs.%n", ran.stream().mapToDouble(Ran::seconds).sum());
        if (!outputs.isEmpty()) {
            System.out.println("Outputs:");
            outputs.forEach(p -> System.out.println("  " + p));
        }
        long done = ran.stream().filter(r -> r.status() == StageResult.Status.DONE).count();
        System.out.printf("%d of %d stages ran.%n", done, ran.size());
        if (!next.isEmpty()) {
            System.out.println("\nWhat to try next:");
            next.forEach(line -> System.out.println("  " + line));
        }
    }

    /** Commands to explore the finished demo, with the report's path and the folder to work in. */
    List<String> nextSteps(Set<Path> outputs) {
        Path folder = dir.toAbsolutePath().normalize();
        Path report = outputs.stream().filter(p -> p.toString().endsWith(".html")).findFirst()
                .orElse(folder.resolve("seglift-report.html"));
        return List.of(
                "open " + report,
                "cd " + folder + " && source demo.env",
                "seglift segments list              # segments, holdouts, owners",
                "seglift runs                       # sync history; seglift runs show RUN for outcomes",
                "seglift report --open              # rebuild the report and open it");
    }

    /**
     * A stage's summary as lines a reader can scan: one per part ({@code "; "}), and for the campaign cycles one block
     * per cycle ({@code " | "}) whose parts are indented under it.
     */
    static List<String> summaryLines(String summary) {
        List<String> out = new ArrayList<>();
        String[] blocks = summary.split(" \\| ");
        for (int b = 0; b < blocks.length; b++) {
            List<String> parts = partsOutsideParentheses(blocks[b]);
            for (int p = 0; p < parts.size(); p++) {
                out.add((b > 0 && p > 0 ? "  " : "") + parts.get(p));
            }
        }
        return out;
    }

    /** {@code text} split at each {@code "; "} that is not inside parentheses. */
    private static List<String> partsOutsideParentheses(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ';' && depth == 0 && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                parts.add(text.substring(start, i));
                start = i + 2;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String label(StageResult.Status s) {
        return switch (s) {
            case DONE -> "done";
            case SKIPPED -> "skipped";
            case FAILED -> "FAILED";
            case NOT_RUN -> "not run";
        };
    }
}
