package io.seglift.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures everything a destination can log while it is open: {@code System.out}, {@code System.err} (where
 * slf4j-simple writes) and {@code java.util.logging} records (the Facebook SDK and the JDK HTTP client). Output is
 * still passed through to the real streams.
 */
public final class OutputCapture implements AutoCloseable {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final Handler julHandler;
    private final StringBuilder julText = new StringBuilder();

    public OutputCapture() {
        System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
        julHandler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (julText) {
                    julText.append(record.getMessage()).append(' ');
                    if (record.getParameters() != null) {
                        for (Object p : record.getParameters()) julText.append(p).append(' ');
                    }
                    if (record.getThrown() != null) julText.append(record.getThrown());
                    julText.append('\n');
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(julHandler);
    }

    /** Everything captured so far. */
    public String text() {
        synchronized (julText) {
            return captured.toString(StandardCharsets.UTF_8) + julText;
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        Logger.getLogger("").removeHandler(julHandler);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
