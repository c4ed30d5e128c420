package io.archivebatch.batch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An output stream whose bytes another thread writes, in the same order, to the target: the merge writes the CSV file
 * (and hashes it, through the target) beside the JSON Lines file instead of after it. Bytes are handed over in blocks
 * of {@value #BLOCK} bytes, a few blocks at most in flight. An error of the target surfaces on the next write or on
 * {@link #close}, which waits until every byte is written and closes the target.
 */
final class HandOffOutputStream extends OutputStream {

    static final int BLOCK = 1 << 20;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
    /** full blocks the writer is done with, to be filled again instead of allocating (and zeroing) new ones */
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(6);
    private final Thread writer;
    private volatile Throwable failure;
    private byte[] block = new byte[BLOCK];
    private int used;
    private boolean closed;

    HandOffOutputStream(OutputStream target, String name) {
        writer = new Thread(() -> {
            try (target) {
                for (byte[] b; (b = queue.take()) != END; ) {
                    target.write(b);
                    if (b.length == BLOCK) {
                        spare.offer(b);
                    }
                }
            } catch (Throwable t) {
                failure = t;
                queue.clear(); // never leave the writing thread blocked on a full queue
            }
        }, name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void write(int b) throws IOException {
        check();
        block[used++] = (byte) b;
        if (used == BLOCK) {
            handOff();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        while (len > 0) {
            int n = Math.min(len, BLOCK - used);
            System.arraycopy(b, off, block, used, n);
            used += n;
            off += n;
            len -= n;
            if (used == BLOCK) {
                handOff();
            }
        }
    }

    private void handOff() throws IOException {
        if (used == 0) {
            return;
        }
        put(used == BLOCK ? block : Arrays.copyOf(block, used));
        byte[] next = spare.poll();
        block = next != null ? next : new byte[BLOCK];
        used = 0;
    }

    private void put(byte[] b) throws IOException {
        try {
            while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes to the writer");
        }
    }

    private void check() throws IOException {
        Throwable t = failure;
        if (t != null) {
            // a new exception each time: write and close may both throw, and try-with-resources adds one to the other
            throw new IOException("writing failed: " + t, t);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failure == null) {
                handOff();
                put(END);
            }
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the writer finished");
        }
        check();
    }
}
