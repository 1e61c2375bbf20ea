package io.seglift.cli;

import io.seglift.scoring.segments.ProfileView;
import io.seglift.config.DestinationConfig;
import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.spi.destination.Capabilities;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.sync.EngineOptions;
import io.seglift.sync.SyncEngine;
import io.seglift.sync.SyncRefusedException;
import io.seglift.sync.lock.SyncLockedException;
import io.seglift.sync.plan.SegmentNotBuiltException;

import java.util.function.Supplier;

/** Shared plumbing of {@code plan}, {@code sync} and {@code serve}: finding syncs, engines and exit codes. */
final class SyncCommands {
    private SyncCommands() {
    }

    static SyncConfig sync(ProjectConfig project, String name) {
        return project.sync(name).orElseThrow(() -> new CliException(ExitCode.INVALID, "no sync named '" + name
                + "' in " + project.file().getFileName() + " (syncs: "
                + String.join(", ", project.syncs().stream().map(SyncConfig::name).toList()) + ")"));
    }

    static DestinationFactory factory(Session session, ProjectConfig project, SyncConfig sync) {
        DestinationConfig dc = project.destination(sync.destination()).orElseThrow(() -> new CliException(ExitCode.INVALID,
                "syncs." + sync.name() + ".destination: no destination named '" + sync.destination() + "'"))
                .requireResolved();
        return session.destinations().find(dc.type()).orElseThrow(() -> new CliException(ExitCode.INVALID,
                "destinations." + dc.name() + ".type: unknown type '" + dc.type() + "' (available: "
                        + String.join(", ", session.destinations().all().keySet()) + ")"));
    }

    /** The destination's capabilities, as its factory declares them from the settings (no destination, no I/O). */
    static Capabilities capabilities(Session session, ProjectConfig project, SyncConfig sync) {
        DestinationConfig dc = project.destination(sync.destination()).orElseThrow();
        return factory(session, project, sync).capabilities(sync.settingsFor(dc));
    }

    static EngineOptions engineOptions(Session session) {
        return EngineOptions.defaults().withClock(session.clock()).withProgress(session.progress());
    }

    static SyncEngine engine(Session session) {
        return new SyncEngine(engineOptions(session), ProfileView::sql);
    }

    /** Runs {@code work}, turning the engine's refusals into exit codes. */
    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (SyncRefusedException | IllegalArgumentException | io.seglift.config.ConfigException e) {
            throw new CliException(ExitCode.INVALID, e.getMessage(), e);
        } catch (SegmentNotBuiltException e) {
            throw new CliException(ExitCode.NOT_READY, e.getMessage(), e);
        } catch (SyncLockedException e) {
            throw new CliException(ExitCode.LOCKED, e.getMessage(), e);
        }
    }

    static String n(long v) {
        return String.format(java.util.Locale.ROOT, "%,d", v);
    }
}
