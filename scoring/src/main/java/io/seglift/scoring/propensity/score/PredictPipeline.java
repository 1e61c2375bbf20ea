package io.seglift.scoring.propensity.score;

import io.seglift.spi.warehouse.Row;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Feature rows (row number, then features) read on the caller's thread into blocks of {@value #BLOCK} rows, predicted
 * by XGBoost4J on a second thread while the next block is read, the scores appended to a spill as (row number, score).
 * A bounded producer/consumer: at most {@value #BLOCKS} blocks exist, so memory stays bounded by them whatever the
 * number of rows.
 */
final class PredictPipeline implements AutoCloseable {
    static final int BLOCK = 1 << 14;
    static final int BLOCKS = 3;
    private static final Block END = new Block(0, 0);

    private final int cols;
    private final Booster booster;
    private final DataOutputStream out;
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(BLOCKS);
    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final Thread predictor;
    private volatile Throwable failure;
    private Block current;
    private long total;

    PredictPipeline(int cols, Booster booster, DataOutputStream out) {
        this.cols = cols;
        this.booster = booster;
        this.out = out;
        for (int i = 0; i < BLOCKS; i++) {
            free.add(new Block(cols, BLOCK));
        }
        this.predictor = new Thread(this::predictAll, "seglift-predict");
        this.predictor.setDaemon(true);
        this.predictor.start();
        this.current = take(free);
    }

    /** Adds one row: column 0 the row number, columns 1..cols the features (SQL NULL becomes NaN, missing). */
    void add(Row row) {
        Block b = current;
        b.rowNo[b.size] = (long) row.doubleOr(0, -1);
        int base = b.size * cols;
        float[] x = b.x;
        for (int c = 0; c < cols; c++) {
            x[base + c] = (float) row.doubleOr(c + 1, Double.NaN);
        }
        if (++b.size == BLOCK) {
            hand(b);
            current = take(free);
        }
    }

    /** Predicts what is left, waits for the predictor and returns the rows scored. */
    long finish() throws XGBoostError, IOException {
        if (current != null && current.size > 0) {
            hand(current);
        }
        current = null;
        put(END);
        join();
        rethrow();
        return total;
    }

    @Override
    public void close() {
        if (predictor.isAlive()) {
            predictor.interrupt();
            join();
        }
    }

    private void predictAll() {
        try {
            for (Block b = full.take(); b != END; b = full.take()) {
                predict(b);
                b.size = 0;
                free.put(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            free.clear();
            free.add(new Block(0, 0));
        }
    }

    private void predict(Block b) throws XGBoostError, IOException {
        float[] data = b.size == BLOCK ? b.x : Arrays.copyOf(b.x, b.size * cols);
        float[][] p = booster.inplace_predict(data, b.size, cols, Float.NaN);
        for (int i = 0; i < b.size; i++) {
            out.writeLong(b.rowNo[i]);
            out.writeFloat(p[i][0]);
        }
        total += b.size;
    }

    private void hand(Block b) {
        failFast();
        put(b);
    }

    private void failFast() {
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    private void rethrow() throws XGBoostError, IOException {
        Throwable t = failure;
        if (t instanceof XGBoostError e) throw e;
        if (t instanceof IOException e) throw e;
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }

    private void put(Block b) {
        try {
            full.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        }
    }

    private Block take(BlockingQueue<Block> q) {
        try {
            Block b = q.take();
            failFast();
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        }
    }

    private void join() {
        try {
            predictor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        }
    }

    /** Up to {@value #BLOCK} rows, row-major. */
    private static final class Block {
        final float[] x;
        final long[] rowNo;
        int size;

        Block(int cols, int rows) {
            this.x = new float[rows * cols];
            this.rowNo = new long[rows];
        }
    }
}
