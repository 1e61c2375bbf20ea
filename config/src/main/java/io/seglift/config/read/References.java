package io.seglift.config.read;

import io.seglift.spi.settings.Secret;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} (from the environment map given to the loader) and {@code ${file:PATH}} (a file relative
 * to the project folder, trimmed) inside values. A file must lie inside the project folder, or inside a folder named
 * in {@value #SECRET_DIRS}: a project file cannot read arbitrary files of the machine into a setting. Failures are reported as {@link Failure}s naming the variable or file,
 * never a value.
 */
public final class References {
    private static final Pattern REF = Pattern.compile("\\$\\{(env|file):([^}]*)}");
    private static final Pattern WHOLE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    /** Folders besides the project's that {@code ${file:}} may read, separated by the path separator. */
    public static final String SECRET_DIRS = "SEGLIFT_SECRET_DIRS";

    private final Map<String, String> env;
    private final Path projectDir;

    public References(Map<String, String> env, Path projectDir) {
        this.env = Map.copyOf(env);
        this.projectDir = projectDir;
    }

    /** A reference that could not be resolved; the message names the variable or file. */
    public static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** The text with every reference replaced. */
    public String resolve(String text) throws Failure {
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(lookup(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether the text is exactly one reference, the only form a secret may take. */
    public static boolean isWholeReference(String text) {
        return WHOLE.matcher(text.trim()).matches();
    }

    /** The secret named by a whole reference; empty when {@code text} is not one (a literal). */
    public Optional<Secret> secret(String text) throws Failure {
        Matcher m = WHOLE.matcher(text.trim());
        if (!m.matches()) return Optional.empty();
        String value = lookup(m.group(1), m.group(2));
        if (value.isEmpty()) {
            throw new Failure(m.group(0) + " is empty");
        }
        return Optional.of(Secret.of(m.group(0), value));
    }

    /** "unknown destination 'x' (did you mean 'y'? defined: a, b)". */
    public static String unknown(String what, String name, java.util.Collection<String> defined) {
        return "unknown " + what + " '" + name + "' (" + DidYouMean.hint(name, defined) + (defined.isEmpty()
                ? "none are defined" : "defined: " + String.join(", ", defined)) + ")";
    }

    private List<Path> allowedFolders() {
        List<Path> dirs = new ArrayList<>(List.of(projectDir));
        String extra = env.getOrDefault(SECRET_DIRS, "");
        for (String d : extra.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (!d.isBlank()) dirs.add(Path.of(d.trim()).toAbsolutePath().normalize());
        }
        return dirs;
    }

    /** Whether {@code file} lies under {@code dir}, following symbolic links on both. */
    private static boolean inside(Path file, Path dir) {
        try {
            return file.toRealPath().startsWith(dir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private String lookup(String kind, String name) throws Failure {
        String n = name.trim();
        if (n.isEmpty()) throw new Failure("${" + kind + ":} names nothing (write ${env:NAME} or ${file:PATH})");
        if (kind.equals("env")) {
            String v = env.get(n);
            if (v == null) throw new Failure("environment variable " + n + " is not set (referenced as ${env:" + n + "})");
            return v;
        }
        Path p = projectDir.resolve(n).normalize();
        if (!Files.isRegularFile(p)) throw new Failure("file " + p + " does not exist (referenced as ${file:" + n + "})");
        if (!allowedFolders().stream().anyMatch(dir -> inside(p, dir))) {
            throw new Failure("file " + p + " is outside the project folder (referenced as ${file:" + n + "}; allowed: "
                    + "files under " + projectDir + ", or under a folder listed in " + SECRET_DIRS + ")");
        }
        try {
            return Files.readString(p, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new Failure("file " + p + " cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
