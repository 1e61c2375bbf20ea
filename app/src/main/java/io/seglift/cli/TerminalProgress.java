package io.seglift.cli;

import io.seglift.spi.progress.Progress;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress on stderr: a redrawn bar when stderr is a terminal, otherwise a plain line at start, every 10% and at the
 * end (so cron logs stay readable).
 */
public final class TerminalProgress implements Progress {
    private final PrintStream out;
    private final boolean interactive;
    private final Clock clock;
    private String step = "";
    private long total = -1;
    private long done;
    private int lastDecile = -1;
    private Instant started = Instant.EPOCH;
    private Instant lastDraw = Instant.EPOCH;

    public TerminalProgress(PrintStream out, boolean interactive, Clock clock) {
        this.out = out;
        this.interactive = interactive;
        this.clock = clock;
    }

    /** Interactive when a console is attached and {@code CI} is not set. */
    public static TerminalProgress forStderr(Clock clock) {
        boolean tty = System.console() != null && System.getenv("CI") == null;
        return new TerminalProgress(System.err, tty, clock);
    }

    @Override
    public synchronized void start(String step, long total) {
        this.step = step;
        this.total = total;
        this.done = 0;
        this.lastDecile = -1;
        this.started = clock.instant();
        if (!interactive) {
            out.println("[seglift] " + step + (total > 0 ? String.format(java.util.Locale.ROOT, " (%,d)", total) : "") + " ...");
        } else {
            draw(true);
        }
    }

    @Override
    public synchronized void advance(long n) {
        done += n;
        if (interactive) {
            draw(false);
        } else if (total > 0) {
            int decile = (int) Math.min(10, done * 10 / total);
            if (decile > lastDecile && decile < 10) {
                lastDecile = decile;
                if (decile > 0) out.printf("[seglift] %s: %d%% (%,d of %,d)%n", step, decile * 10, done, total);
            }
        }
    }

    @Override
    public synchronized void finish(String summary) {
        Duration took = Duration.between(started, clock.instant());
        if (interactive) out.print("\r\033[K");
        out.printf("[seglift] %s (%.1fs)%n", summary, took.toMillis() / 1000.0);
    }

    private void draw(boolean force) {
        Instant now = clock.instant();
        if (!force && Duration.between(lastDraw, now).toMillis() < 100) return;
        lastDraw = now;
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, done * width / total);
            out.printf("\r\033[K%s [%s%s] %3d%% %,d/%,d", step, "#".repeat(filled), "-".repeat(width - filled),
                    done * 100 / total, done, total);
        } else {
            out.printf("\r\033[K%s %,d", step, done);
        }
        out.flush();
    }
}
