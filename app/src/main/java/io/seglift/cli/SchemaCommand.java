package io.seglift.cli;

import io.seglift.config.schema.ProjectSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seglift schema}: the JSON Schema of the project file, including every installed connector's keys. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of seglift.yaml, with the keys of every warehouse and "
                + "destination type installed, for editor completion and checks. seglift validate stays the "
                + "authority (it also checks references between sections, cron expressions and secrets).",
        footer = {"", "Example: seglift schema --output seglift.schema.json",
                "         (VS Code YAML: add  # yaml-language-server: $schema=./seglift.schema.json  to seglift.yaml)"})
public final class SchemaCommand implements Callable<Integer> {
    private final Session session;

    @Mixin
    GlobalOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the schema to FILE instead of stdout.")
    Path output;

    public SchemaCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        String json = new ProjectSchema(session.warehouses(), session.destinations()).toJson();
        if (output != null) {
            Files.writeString(output, json + "\n", StandardCharsets.UTF_8);
            System.out.println("schema written to " + output);
        } else {
            System.out.println(json);
        }
        System.out.flush();
        return ExitCode.OK;
    }
}
