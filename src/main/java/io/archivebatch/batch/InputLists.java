package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.pipeline.Hashing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The inputs list of a run ({@code inputs.tsv}: path, source, size, mtime) and its fingerprint. */
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

    /** SHA-256 over every input's source, size and modification time. */
    public static String fingerprint(List<InputFile> files) {
        StringBuilder sb = new StringBuilder(files.size() * 64);
        for (InputFile f : files) {
            sb.append(f.source()).append('\t').append(f.size()).append('\t').append(f.mtime()).append('\n');
        }
        return Hashing.sha256(sb.toString());
    }

    public static void write(List<InputFile> files, Writer w) throws IOException {
        for (InputFile f : files) {
            w.write(escape(f.path().toString()) + "\t" + escape(f.source()) + "\t" + f.size() + "\t" + f.mtime() + "\n");
        }
    }

    public static InputFile parse(String line) {
        String[] p = line.split("\t");
        return new InputFile(Path.of(unescape(p[0])), unescape(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]));
    }

    public static List<InputFile> read(BufferedReader r) throws IOException {
        List<InputFile> out = new ArrayList<>();
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
