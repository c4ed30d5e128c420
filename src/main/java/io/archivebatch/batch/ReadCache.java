package io.archivebatch.batch;

import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.Hashing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documents the profile step read from costly inputs (HTML pages, WARC files), kept in the run's staging folder
 * for the process step, which would otherwise parse each page a second time. One file per input, named by the
 * input's source, size and modification time, written atomically; an input with a rejection is not kept (the process
 * step reads it again and rejects it with its reason). A missing, unreadable or damaged entry means: read the input.
 * <p>
 * An entry is a small binary file: a header, a record a document (strings as their UTF-16 chars, so any text comes
 * back exactly, a lone surrogate included), an end marker; writing and reading it is a copy, a document at a time. It was JSON through Jackson's data binding, whose
 * code had to be compiled in every run: on the 709 wcxb-dev pages the cache took 3.6% of the run's CPU samples with
 * JSON, 2.6% with this (now most of it the file system making the files).
 */
final class ReadCache {

    private static final int MAGIC = 0x41425243; // "ABRC"
    private static final int VERSION = 1;
    private static final int END = 0x454E4421; // "END!"

    private final Path dir;
    /** whether the folder was made (by any thread of this cache: making it again is harmless) */
    private volatile boolean made;

    ReadCache(Path dir) {
        this.dir = dir;
    }

    /** Inputs worth keeping: parsing them costs far more than reading a copy of their text. */
    static boolean worthKeeping(InputFile f) {
        String s = f.source().toLowerCase(Locale.ROOT);
        return s.endsWith(".html") || s.endsWith(".htm") || s.endsWith(".xhtml") || s.endsWith(".html.gz")
                || s.endsWith(".htm.gz") || s.endsWith(".warc") || s.endsWith(".warc.gz");
    }

    void put(InputFile f, List<IngestItem> items) throws IOException {
        for (IngestItem i : items) {
            if (i.document() == null) {
                return;
            }
        }
        if (!made) {
            Files.createDirectories(dir);
            made = true;
        }
        Path target = file(f);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        boolean whole = true;
        // through one buffer: a page's header, record and end marker are one write; a long record goes straight through
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(items.size());
            for (IngestItem i : items) { // a record a document: a WARC file's many pages are never one array
                ByteBuffer record = encode(i.document());
                if (record == null) {
                    whole = false; // a document too large to keep: the process step reads the input again
                    break;
                }
                out.write(record.array(), 0, record.limit());
            }
            out.writeInt(END);
        }
        if (!whole) {
            Files.deleteIfExists(tmp);
            return;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The documents kept for this input, or null when there are none. */
    List<IngestItem> get(InputFile f) {
        Path p = file(f);
        if (!Files.exists(p)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return null; // not an entry of this version
            }
            int n = in.readInt();
            List<IngestItem> out = new ArrayList<>(Math.max(0, Math.min(n, 1024)));
            for (int k = 0; k < n; k++) {
                int length = in.readInt();
                if (length < 0) {
                    return null;
                }
                byte[] record = in.readNBytes(length);
                if (record.length != length) {
                    return null; // cut short
                }
                out.add(IngestItem.of(decode(ByteBuffer.wrap(record))));
            }
            return in.readInt() == END && in.read() < 0 ? out : null;
        } catch (IOException | RuntimeException e) {
            return null; // read the input instead
        }
    }

    /** One document's record, its length first; null when it would not fit an array. */
    static ByteBuffer encode(RawDocument d) {
        long size = 4 + chars(d.source()) + chars(d.url()) + chars(d.text()) + 8 + 4 + 4;
        for (String flag : d.flags()) {
            size += chars(flag);
        }
        for (Map.Entry<String, String> e : d.given().entrySet()) {
            size += chars(e.getKey()) + chars(e.getValue());
        }
        if (size > Integer.MAX_VALUE - 64) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        b.putInt((int) size - 4);
        put(b, d.source());
        put(b, d.url());
        put(b, d.text());
        b.putLong(d.bytes());
        b.putInt(d.flags().size());
        for (String flag : d.flags()) {
            put(b, flag);
        }
        b.putInt(d.given().size());
        for (Map.Entry<String, String> e : new TreeMap<>(d.given()).entrySet()) {
            put(b, e.getKey());
            put(b, e.getValue());
        }
        return b.flip();
    }

    /** A document from its record (without the length); an exception when the record is not whole. */
    static RawDocument decode(ByteBuffer b) {
        String source = get(b);
        String url = get(b);
        String text = get(b);
        long bytes = b.getLong();
        int flagCount = b.getInt();
        List<String> flags = new ArrayList<>(Math.max(0, Math.min(flagCount, 64)));
        for (int i = 0; i < flagCount; i++) {
            flags.add(get(b));
        }
        int givenCount = b.getInt();
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < givenCount; i++) {
            given.put(get(b), get(b));
        }
        if (b.hasRemaining()) {
            throw new IllegalStateException("a damaged read-cache entry");
        }
        return new RawDocument(source, url, text, bytes, flags, given);
    }

    /** Bytes a string takes: its length, then its chars (none for null, length -1). */
    private static long chars(String s) {
        return 4 + (s == null ? 0 : 2L * s.length());
    }

    private static void put(ByteBuffer b, String s) {
        if (s == null) {
            b.putInt(-1);
            return;
        }
        b.putInt(s.length());
        b.asCharBuffer().put(s);
        b.position(b.position() + 2 * s.length());
    }

    private static String get(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0) {
            return null;
        }
        if (2L * n > b.remaining()) {
            throw new IllegalStateException("a damaged read-cache entry");
        }
        CharBuffer c = b.asCharBuffer();
        c.limit(n);
        String s = c.toString();
        b.position(b.position() + 2 * n);
        return s;
    }

    private Path file(InputFile f) {
        return dir.resolve(Hashing.sha256(f.source() + "\t" + f.size() + "\t" + f.mtime()) + ".bin");
    }
}
