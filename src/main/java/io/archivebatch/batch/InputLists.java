package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.pipeline.Hashing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
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
            InputFile f = s.file();
            digest.update((f.source() + '\t' + f.size() + '\t' + f.mtime() + '\t' + s.sha256() + '\n')
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public String hex() {
            return java.util.HexFormat.of().formatHex(digest.digest());
        }
    }

    public static void write(List<SelectedInput> inputs, Writer w) throws IOException {
        for (SelectedInput s : inputs) {
            InputFile f = s.file();
            w.write(escape(f.path().toString()) + "\t" + escape(f.source()) + "\t" + f.size() + "\t" + f.mtime()
                    + "\t" + s.sha256() + "\n");
        }
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
            return s;
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
