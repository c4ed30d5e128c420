package io.archivebatch.batch;

import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.Hashing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * An entry is a small binary record (strings as their UTF-16 chars, so any text comes back exactly, a lone surrogate
 * included), ended by a marker: writing and reading it is a copy. It was JSON through Jackson's data binding, whose
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
        List<RawDocument> docs = new ArrayList<>();
        for (IngestItem i : items) {
            if (i.document() == null) {
                return;
            }
            docs.add(i.document());
        }
        if (!made) {
            Files.createDirectories(dir);
            made = true;
        }
        Path target = file(f);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        ByteBuffer b = encode(docs);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The documents kept for this input, or null when there are none. */
    List<IngestItem> get(InputFile f) {
        Path p = file(f);
        if (!Files.exists(p)) {
            return null;
        }
        try {
            List<IngestItem> out = new ArrayList<>();
            for (RawDocument d : decode(ByteBuffer.wrap(Files.readAllBytes(p)))) {
                out.add(IngestItem.of(d));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return null; // read the input instead
        }
    }

    static ByteBuffer encode(List<RawDocument> docs) {
        int size = 4 * 4;
        for (RawDocument d : docs) {
            size += chars(d.source()) + chars(d.url()) + chars(d.text()) + 8 + 4 + 4;
            for (String flag : d.flags()) {
                size += chars(flag);
            }
            for (Map.Entry<String, String> e : d.given().entrySet()) {
                size += chars(e.getKey()) + chars(e.getValue());
            }
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(MAGIC).putInt(VERSION).putInt(docs.size());
        for (RawDocument d : docs) {
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
        }
        b.putInt(END);
        return b.flip();
    }

    /** The documents of an entry; an exception when it is not one whole entry of this version. */
    static List<RawDocument> decode(ByteBuffer b) {
        if (b.getInt() != MAGIC || b.getInt() != VERSION) {
            throw new IllegalStateException("not a read-cache entry of this version");
        }
        int n = b.getInt();
        List<RawDocument> docs = new ArrayList<>(Math.min(n, 1024));
        for (int k = 0; k < n; k++) {
            String source = get(b);
            String url = get(b);
            String text = get(b);
            long bytes = b.getLong();
            int flagCount = b.getInt();
            List<String> flags = new ArrayList<>(Math.min(flagCount, 64));
            for (int i = 0; i < flagCount; i++) {
                flags.add(get(b));
            }
            int givenCount = b.getInt();
            Map<String, String> given = new HashMap<>();
            for (int i = 0; i < givenCount; i++) {
                given.put(get(b), get(b));
            }
            docs.add(new RawDocument(source, url, text, bytes, flags, given));
        }
        if (b.getInt() != END || b.hasRemaining()) {
            throw new IllegalStateException("a damaged read-cache entry");
        }
        return docs;
    }

    /** Bytes a string takes: its length, then its chars (none for null, length -1). */
    private static int chars(String s) {
        return 4 + (s == null ? 0 : 2 * s.length());
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
