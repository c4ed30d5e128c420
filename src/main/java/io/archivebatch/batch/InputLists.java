package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The inputs list of a run ({@code inputs.tsv}: path, source, size, mtime, sha256) and its fingerprint. */
public final class InputLists {
    private InputLists() {
    }

    public static String join(List<Path> paths) {
        StringBuilder sb = new StringBuilder();
        for (Path p : paths) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(p.toString());
        }
        return sb.toString();
    }

    public static List<Path> paths(String joined) {
        List<Path> out = new ArrayList<>();
        for (String s : joined.split("\n")) {
            if (!s.isEmpty()) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    /** SHA-256 over every selected input's source, size, modification time and content hash. */
    public static String fingerprint(List<SelectedInput> inputs) {
        Fingerprint f = new Fingerprint();
        inputs.forEach(f::add);
        return f.hex();
    }

    /** {@link #fingerprint(List)} computed as the inputs stream by. */
    public static final class Fingerprint {
        private final java.security.MessageDigest digest;

        public Fingerprint() {
            try {
                digest = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public void add(SelectedInput s) {
            digest.update(line(s));
        }

        /** Adds an input by its line's UTF-8 bytes, {@code [from, to)}. */
        void add(byte[] bytes, int from, int to) {
            digest.update(bytes, from, to - from);
        }

        /** The line an input adds: source, size, modification time and content hash, tab-separated, in UTF-8. */
        static byte[] line(SelectedInput s) {
            InputFile f = s.file();
            return (f.source() + '\t' + f.size() + '\t' + f.mtime() + '\t' + s.sha256() + '\n')
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        public String hex() {
            return java.util.HexFormat.of().formatHex(digest.digest());
        }
    }

    /**
     * Writes the list (a line an input: its path, source, size, mtime and content hash, tab-separated, the path and
     * source {@linkplain #escape escaped}) and returns its {@link #fingerprint}, in one pass: a
     * line's fields after the path are its fingerprint line too (escaped, when the source needs it), so each input's
     * strings are made and encoded once, not once for each.
     */
    public static String write(List<SelectedInput> inputs, OutputStream out) throws IOException {
        Fingerprint fingerprint = new Fingerprint();
        for (SelectedInput s : inputs) {
            InputFile f = s.file();
            byte[] tail = Fingerprint.line(s);
            fingerprint.add(tail, 0, tail.length);
            out.write(escape(f.path().toString()).getBytes(StandardCharsets.UTF_8));
            out.write('\t');
            String source = escape(f.source());
            out.write(source == f.source() ? tail : (source + '\t' + f.size() + '\t' + f.mtime() + '\t' + s.sha256() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return fingerprint.hex();
    }

    /** What a run's list holds: its number of inputs (non-empty lines) and its {@link #fingerprint}. */
    public record Check(long count, String fingerprint) {
    }

    /**
     * Reads a list back for its {@link Check}, as parsing each line would give it, without parsing the lines the
     * writer wrote: such a line (four tabs, nothing escaped, size and time as {@code Long.toString} writes them) holds
     * its fingerprint line's bytes after its first tab. Any other line is parsed; a list with a carriage return (which
     * {@code readLine} also ends a line at) is read line by line.
     */
    public static Check check(Path list) throws IOException {
        Fingerprint fingerprint = new Fingerprint();
        long count = 0;
        byte[] buf = new byte[1 << 20];
        int len = 0;
        int start = 0;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(list)) {
            for (boolean eof = false; !eof; ) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, len - start);
                    len -= start;
                    start = 0;
                }
                if (len == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, 2 * buf.length); // a line longer than the buffer
                }
                int n = in.read(buf, len, buf.length - len);
                eof = n < 0;
                len += Math.max(0, n);
                for (int i = start; i < len || eof && start < len; i++) {
                    if (i < len && buf[i] != '\n') {
                        continue;
                    }
                    // a line: [start, i), with its newline at i if i < len
                    if (i > start) {
                        if (!addLine(fingerprint, buf, start, i, i < len)) {
                            return checkByParsing(list);
                        }
                        count++;
                    }
                    start = Math.min(i + 1, len);
                }
            }
        }
        return new Check(count, fingerprint.hex());
    }

    /** Adds one non-empty line ending at {@code to} (its newline there, when it has one); false at a carriage return. */
    private static boolean addLine(Fingerprint fingerprint, byte[] b, int from, int to, boolean newline) {
        int tabs = 0;
        int[] tab = new int[4];
        boolean plain = true;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '\r') {
                return false;
            }
            if (c == '\t') {
                if (tabs < 4) {
                    tab[tabs] = i;
                }
                tabs++;
            } else if (c == '\\' || c == 0) {
                plain = false;
            }
        }
        if (plain && tabs == 4 && canonicalLong(b, tab[1] + 1, tab[2]) && canonicalLong(b, tab[2] + 1, tab[3])) {
            if (newline) {
                fingerprint.add(b, tab[0] + 1, to + 1);
            } else {
                fingerprint.add(b, tab[0] + 1, to);
                fingerprint.add(NEWLINE, 0, 1);
            }
        } else {
            fingerprint.add(parse(new String(b, from, to - from, StandardCharsets.UTF_8)));
        }
        return true;
    }

    private static final byte[] NEWLINE = {'\n'};

    /** Whether {@code [from, to)} is a long as {@code Long.toString} writes it (up to 18 digits). */
    private static boolean canonicalLong(byte[] b, int from, int to) {
        int i = from < to && b[from] == '-' ? from + 1 : from;
        if (i == to || to - i > 18 || b[i] == '0' && (to - i > 1 || i > from)) {
            return false;
        }
        for (; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@link #check(Path)} by parsing every line as {@code readLine} splits them. */
    static Check checkByParsing(Path list) throws IOException {
        Fingerprint fingerprint = new Fingerprint();
        long count = 0;
        try (BufferedReader r = java.nio.file.Files.newBufferedReader(list, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    fingerprint.add(parse(line));
                    count++;
                }
            }
        }
        return new Check(count, fingerprint.hex());
    }

    /** The source field of a line of the list, without parsing the rest (no path made). */
    public static String source(String line) {
        int t1 = line.indexOf('\t');
        int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
        if (t2 < 0) {
            return parse(line).file().source(); // not a well-formed line: as the full parse sees it (or fails)
        }
        return unescape(line.substring(t1 + 1, t2));
    }

    public static SelectedInput parse(String line) {
        String[] p = line.split("\t", -1);
        InputFile f = new InputFile(Path.of(unescape(p[0])), unescape(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]));
        return new SelectedInput(f, p.length > 4 ? p[4] : "");
    }

    /**
     * A path or source as one field of a line: backslash, tab, line feed and carriage return escaped (the list is read
     * back with {@code readLine}, which also ends a line at a carriage return).
     */
    private static String escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s; // the same object: the writer tells by it that nothing was escaped
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s; // the common case: nothing escaped
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
