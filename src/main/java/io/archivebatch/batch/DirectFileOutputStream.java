package io.archivebatch.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a new file around the page cache where the file system allows it ({@code O_DIRECT}): the merge's dataset
 * files are gigabytes written once, forced to disk and not read again by this process, and copying them into the page
 * cache first was most of the merge's time (on the VM we measure on, the kernel's copy into new page-cache pages was
 * at times five times slower than usual). Bytes are gathered in an aligned buffer and written in whole blocks; the last, partial block goes through
 * an ordinary channel on {@link #close}. A file system that refuses direct I/O (at open or at a write) gets ordinary
 * writes instead, from where the direct ones stopped: the file's bytes are the same either way.
 * Not thread-safe. Does not force the file to disk: the caller does, as for any other file.
 */
final class DirectFileOutputStream extends OutputStream {

    static final int BUFFER = 1 << 20;

    private final Path path;
    private final ByteBuffer buffer;
    private final int block;
    private FileChannel channel;
    private boolean direct;
    private boolean wroteDirect;
    private long written;
    private boolean closed;

    DirectFileOutputStream(Path path) throws IOException {
        this(path, true);
    }

    /** @param tryDirect false: ordinary writes only (for tests of that path) */
    DirectFileOutputStream(Path path, boolean tryDirect) throws IOException {
        this(path, tryDirect, false);
    }

    /** @param misaligned a buffer one byte off its alignment, so that direct writes fail (for tests of the fallback) */
    DirectFileOutputStream(Path path, boolean tryDirect, boolean misaligned) throws IOException {
        this.path = path;
        FileChannel ch = null;
        int blockSize = 0;
        try {
            blockSize = (int) Files.getFileStore(path.toAbsolutePath().getParent()).getBlockSize();
            if (tryDirect && blockSize > 0 && BUFFER % blockSize == 0) {
                ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, com.sun.nio.file.ExtendedOpenOption.DIRECT);
            }
        } catch (IOException | UnsupportedOperationException e) {
            ch = null; // no direct I/O here: ordinary writes below
        }
        this.block = ch != null ? blockSize : 1;
        this.direct = ch != null;
        this.channel = ch != null ? ch : ordinary(path, true);
        this.buffer = !direct ? ByteBuffer.allocate(1 << 16) : misaligned
                ? ByteBuffer.allocateDirect(BUFFER + 2 * block).alignedSlice(block).position(1).slice().limit(BUFFER)
                : ByteBuffer.allocateDirect(BUFFER + block).alignedSlice(block);
    }

    /** Whether whole blocks went around the page cache (for tests). */
    boolean wroteDirect() {
        return wroteDirect;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (!buffer.hasRemaining()) {
            drain();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    /** Writes the buffer's whole blocks (all of it, on an ordinary channel) and keeps the rest at its start. */
    private void drain() throws IOException {
        buffer.flip();
        int whole = buffer.limit() - buffer.limit() % block;
        int limit = buffer.limit();
        buffer.limit(whole);
        if (direct) {
            try {
                writeFully();
                wroteDirect |= whole > 0;
            } catch (IOException e) {
                // refused (some file systems accept O_DIRECT at open and refuse the writes): the same bytes written
                // ordinarily from the last byte known written; a real failure (a full disk) fails there again
                toOrdinary();
                writeFully();
            }
        } else {
            writeFully();
        }
        buffer.limit(limit);
        buffer.compact();
    }

    private void writeFully() throws IOException {
        while (buffer.hasRemaining()) {
            written += channel.write(buffer, written);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
            if (buffer.position() > 0) {
                // the last partial block: direct I/O writes whole blocks only
                toOrdinary();
                buffer.flip();
                writeFully();
            }
        } finally {
            channel.close();
        }
    }

    /** The rest of the file through an ordinary channel (the bytes written so far stay). */
    private void toOrdinary() throws IOException {
        channel.close();
        channel = ordinary(path, false);
        direct = false;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed: " + path);
        }
    }

    private static FileChannel ordinary(Path path, boolean truncate) throws IOException {
        return truncate
                ? FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)
                : FileChannel.open(path, StandardOpenOption.WRITE);
    }
}
