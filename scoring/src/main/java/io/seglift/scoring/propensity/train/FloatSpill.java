package io.seglift.scoring.propensity.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Rows of floats written to a temporary file while their number is unknown, then read back into arrays of the exact
 * size: one read of the source, and no growable buffer that would briefly hold the data twice. The file is deleted on
 * {@link #close()}.
 */
final class FloatSpill implements AutoCloseable {
    private static final int BUFFER_FLOATS = 1 << 16;
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer bytes = ByteBuffer.allocateDirect(4 * BUFFER_FLOATS).order(ByteOrder.nativeOrder());
    private final FloatBuffer floats = bytes.asFloatBuffer();

    FloatSpill() {
        try {
            file = Files.createTempFile("seglift-matrix-", ".f32");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the training matrix", e);
        }
    }

    /** Appends one row. */
    void add(float[] row) {
        int at = 0;
        while (at < row.length) {
            if (!floats.hasRemaining()) {
                flush();
            }
            int n = Math.min(floats.remaining(), row.length - at);
            floats.put(row, at, n);
            at += n;
        }
    }

    /** Reads every row back: the first {@code cols} floats of each into {@code x}, the last into {@code y}. */
    void readRows(int cols, float[] x, float[] y) {
        flush();
        try {
            channel.position(0);
            int width = cols + 1;
            float[] row = new float[width];
            int inRow = 0;
            int r = 0;
            while (true) {
                bytes.clear();
                int read = readFully();
                if (read == 0) {
                    break;
                }
                FloatBuffer in = bytes.flip().asFloatBuffer();
                while (in.hasRemaining()) {
                    int n = Math.min(in.remaining(), width - inRow);
                    if (inRow == 0 && n == width) {
                        in.get(x, r * cols, cols);
                        y[r++] = in.get();
                        continue;
                    }
                    in.get(row, inRow, n);
                    inRow += n;
                    if (inRow == width) {
                        System.arraycopy(row, 0, x, r * cols, cols);
                        y[r++] = row[cols];
                        inRow = 0;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the training matrix back from " + file, e);
        }
    }

    private int readFully() throws IOException {
        int total = 0;
        while (bytes.hasRemaining()) {
            int n = channel.read(bytes);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private void flush() {
        bytes.position(0).limit(4 * floats.position());
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training matrix to " + file, e);
        }
        bytes.clear();
        floats.clear();
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
