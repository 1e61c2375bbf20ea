package io.seglift.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes: {@code --project} and {@code --format}. Mixed into each subcommand. */
public final class GlobalOptions {
    @Option(names = {"-p", "--project"}, paramLabel = "FILE",
            description = "Project file (default: $SEGLIFT_PROJECT, else ./seglift.yaml).")
    Path project;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text or json (default: ${DEFAULT-VALUE}); seglift sql also takes table and csv.",
            converter = FormatConverter.class)
    OutputFormat format = OutputFormat.TEXT;

    public Path projectFile() {
        if (project != null) return project;
        String env = System.getenv("SEGLIFT_PROJECT");
        return Path.of(env != null && !env.isBlank() ? env : "seglift.yaml");
    }

    public OutputFormat format() {
        return format;
    }

    public boolean json() {
        return format == OutputFormat.JSON;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            if ("table".equalsIgnoreCase(value.trim())) return OutputFormat.TEXT;
            try {
                return OutputFormat.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a format (allowed: text, json; for sql also table, csv)");
            }
        }
    }
}
