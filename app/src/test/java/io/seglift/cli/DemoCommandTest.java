package io.seglift.cli;

import io.seglift.demo.DemoContext;
import io.seglift.demo.DemoStage;
import io.seglift.demo.StageResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path dir;

    private final List<String> order = new ArrayList<>();

    private DemoStage stage(String name, StageResult result) {
        return new DemoStage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StageResult run(DemoContext context) {
                order.add(name);
                return result;
            }
        };
    }

    private String[] run(List<DemoStage> stages) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new DemoCommand(CliRun.session(), stages)).execute(dir.toString());
            return new String[]{Integer.toString(code), out.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void runsStagesInOrderAndSaysWhatWasSkipped() {
        String[] r = run(List.of(stage("one", StageResult.done("did one", dir.resolve("a.txt"))),
                stage("two", StageResult.skipped("nothing to do"))));
        assertThat(r[0]).isEqualTo("0");
        assertThat(order).containsExactly("one", "two");
        assertThat(r[1]).contains("one", "done", "did one")
                .contains("two", "skipped", "nothing to do")
                .contains("Outputs:", dir.resolve("a.txt").toString())
                .contains("1 of 2 stages ran.");
    }

    @Test
    void aFailedStageStopsTheRestAndFailsTheRun() {
        String[] r = run(List.of(stage("one", StageResult.done("ok")),
                new DemoStage() {
                    @Override public String name() { return "boom"; }
                    @Override public StageResult run(DemoContext c) { throw new IllegalStateException("broken"); }
                },
                stage("three", StageResult.done("never"))));
        assertThat(r[0]).isEqualTo(Integer.toString(ExitCode.FAILED));
        assertThat(order).containsExactly("one");
        assertThat(r[1]).contains("boom", "FAILED", "broken").contains("three", "not run")
                .doesNotContain("What to try next");
    }

    @Test
    void aFinishedDemoEndsWithWhatToTryNext() {
        Path report = dir.resolve("seglift-report.html");
        String[] r = run(List.of(stage("report", StageResult.done("written", report))));
        assertThat(r[0]).isEqualTo("0");
        String next = r[1].substring(r[1].indexOf("What to try next:"));
        assertThat(next).contains("open " + report.toAbsolutePath().normalize())
                .contains("cd " + dir.toAbsolutePath().normalize() + " && source demo.env")
                .contains("seglift segments list").contains("seglift runs").contains("seglift report --open");
    }
}
