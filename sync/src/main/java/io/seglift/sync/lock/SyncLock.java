package io.seglift.sync.lock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * An exclusive lock on one sync, across processes: an OS file lock on {@code <project>/.seglift/locks/<sync>.lock}.
 * The operating system releases it when the holder exits, even on {@code kill -9}, so there is no stale lock to
 * expire. The file records the holder (pid, start time) for the message shown to a second process.
 */
public final class SyncLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private SyncLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or returns empty with the holder described in {@code holder} when another process has it. */
    public static Optional<SyncLock> tryAcquire(Path projectDir, String syncName, StringBuilder holder) {
        Path file = projectDir.resolve(".seglift").resolve("locks").resolve(syncName + ".lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                holder.append(Files.readString(file, StandardCharsets.UTF_8).trim());
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now())
                    .getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return Optional.of(new SyncLock(ch, l));
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock sync " + syncName + " at " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the channel
        }
    }
}
