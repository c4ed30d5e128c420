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
        StringBuilder sb = new StringBuilder(inputs.size() * 96);
        for (SelectedInput s : inputs) {
            InputFile f = s.file();
            sb.append(f.source()).append('\t').append(f.size()).append('\t').append(f.mtime()).append('\t')
                    .append(s.sha256()).append('\n');
        }
        return Hashing.sha256(sb.toString());
    }

    public static void write(List<SelectedInput> inputs, Writer w) throws IOException {
        for (SelectedInput s : inputs) {
            InputFile f = s.file();
            w.write(escape(f.path().toString()) + "\t" + escape(f.source()) + "\t" + f.size() + "\t" + f.mtime()
                    + "\t" + s.sha256() + "\n");
        }
    }

    public static SelectedInput parse(String line) {
        String[] p = line.split("\t", -1);
        InputFile f = new InputFile(Path.of(unescape(p[0])), unescape(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]));
        return new SelectedInput(f, p.length > 4 ? p[4] : "");
    }

    public static List<SelectedInput> read(BufferedReader r) throws IOException {
        List<SelectedInput> out = new ArrayList<>();
        for (String line; (line = r.readLine()) != null; ) {
            if (!line.isEmpty()) {
                out.add(parse(line));
            }
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
