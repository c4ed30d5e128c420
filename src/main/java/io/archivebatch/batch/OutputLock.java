package io.archivebatch.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process at a time per output folder: an operating-system lock on {@code OUTPUT/.lock}, taken before anything
 * else. The OS releases it when the process ends in any way (even SIGKILL or power loss), so a lock never outlives
 * its owner and a second process learns at once that a live one is at work. The file holds the owner's pid for the
 * message.
 */
public final class OutputLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static OutputLock acquire(Path output) throws IOException, StateLockedException {
        Files.createDirectories(output);
        Path file = output.resolve(".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String owner = "";
            try {
                ByteBuffer buf = ByteBuffer.allocate(64);
                ch.read(buf, 0);
                owner = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
            } catch (IOException ignored) {
                // the message goes without the pid
            }
            ch.close();
            throw new StateLockedException("another archive-batch process" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                    + " is working on " + output);
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return new OutputLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
