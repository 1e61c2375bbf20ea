package io.seglift.cli;

/**
 * Turns SIGTERM and SIGINT into a stop request that the command handles itself, so a clean shutdown ends with the
 * command's own exit code (0) instead of the JVM's signal exit (143 or 130). Where a signal cannot be handled, a
 * shutdown hook runs {@code shutdown} itself before the JVM exits.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void install(Runnable requestStop, Runnable shutdown) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> requestStop.run());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "seglift-stop-" + name));
            }
        }
    }
}
