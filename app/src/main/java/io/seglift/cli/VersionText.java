package io.seglift.cli;

import picocli.CommandLine.IVersionProvider;

import java.util.ArrayList;
import java.util.List;

/** {@code seglift --version}: the tool's version, then each installed destination connector's {@code version()}. */
public final class VersionText implements IVersionProvider {
    static final String SEGLIFT = "seglift 0.1.0";
    private final Session session;

    public VersionText(Session session) {
        this.session = session;
    }

    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>(List.of(SEGLIFT, "destinations:"));
        session.destinations().all().forEach((type, f) -> lines.add("  " + type + " " + f.version()));
        return lines.toArray(String[]::new);
    }
}
