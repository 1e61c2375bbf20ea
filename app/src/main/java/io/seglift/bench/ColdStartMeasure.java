package io.seglift.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cold_start}: {@code seglift --help} in a child JVM, started as the launcher starts short commands (this
 * JVM's class path cut to Seglift's jars and picocli ({@link #shortClassPath}), its CDS archive option when it has
 * one, {@link #SHORT_COMMAND_FLAGS}), against a bare JVM start of {@link TrivialMain} with only its own folder on the
 * class path.
 */
final class ColdStartMeasure implements Measure {
    /** What the {@code seglift} launcher adds for {@code --help}, {@code --version} and a command's {@code --help}. */
    static final List<String> SHORT_COMMAND_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @Override
    public String name() {
        return "cold_start";
    }

    @Override
    public String target() {
        return "seglift <= 0.3 s";
    }

    @Override
    public Measurement run(BenchContext ctx, Alternation alt) throws Exception {
        double[] t = alt.run(() -> child(segliftHelp()), () -> child(bareJvm()));
        return new Measurement(name(), t[0], t[1], 0, target());
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> segliftHelp() {
        List<String> cmd = new ArrayList<>(List.of(java()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("--add-opens") || a.startsWith("-Xshare")) {
                cmd.add(a);
            }
        }
        cmd.addAll(SHORT_COMMAND_FLAGS);
        cmd.addAll(List.of("-cp", shortClassPath(System.getProperty("java.class.path")),
                "io.seglift.cli.Main", "--help"));
        return cmd;
    }

    /**
     * The launcher's class path of short commands: the entries named {@code seglift-*.jar} or {@code picocli-*.jar},
     * in their order (the launcher puts them first); the whole path when it has none (classes folders of a build).
     */
    static String shortClassPath(String classPath) {
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && (name.startsWith("seglift-") || name.startsWith("picocli-"))) kept.add(entry);
        }
        return kept.isEmpty() ? classPath : String.join(File.pathSeparator, kept);
    }

    static List<String> bareJvm() throws Exception {
        String own = new File(TrivialMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        return List.of(java(), "-cp", own, TrivialMain.class.getName());
    }

    private static void child(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("cold start: " + String.join(" ", command.subList(command.size() - 2,
                    command.size())) + " exited with " + code);
        }
    }
}
