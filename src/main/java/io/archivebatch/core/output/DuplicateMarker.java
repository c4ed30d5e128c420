package io.archivebatch.core.output;

import java.nio.charset.StandardCharsets;

/**
 * Marks a written record as a duplicate: its JSON line and CSV row as the formatters write them, with
 * {@code duplicate_of} set to the first article's id, made from the bytes already written instead of parsing the
 * record and formatting it again (the merge did that for every duplicate, on its one thread: a tenth of the archive
 * can be duplicates). The result is the formatters' bytes for the marked article ({@code DuplicateMarkerTest}); null
 * when the record does not have the expected shape or the id is not a plain token, and the caller formats the record
 * itself.
 */
public final class DuplicateMarker {

    /** The JSON between {@code duplicate_of} and the next field, unmarked (what the formatter writes for null). */
    private static final byte[] UNMARKED = ",\"duplicate_of\":null,\"flags\":[".getBytes(StandardCharsets.US_ASCII);
    /** Commas before the {@code duplicate_of} column of a CSV row. */
    private static final int CSV_COLUMN = RecordSchema.COLUMNS.indexOf("duplicate_of");

    private DuplicateMarker() {
    }

    /**
     * The JSON line with {@code "duplicate_of":"id"}, or null. Inside a JSON string every quote is escaped, so the
     * unmarked field, quotes and all, only occurs where the formatter wrote it (looked for from the end, after the body).
     */
    public static byte[] json(byte[] line, String id) {
        if (!plain(id)) {
            return null;
        }
        int at = lastIndexOf(line, UNMARKED);
        if (at < 0) {
            return null;
        }
        int nullAt = at + UNMARKED.length - ",\"flags\":[".length() - "null".length();
        byte[] quoted = ("\"" + id + "\"").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[line.length - 4 + quoted.length];
        System.arraycopy(line, 0, out, 0, nullAt);
        System.arraycopy(quoted, 0, out, nullAt, quoted.length);
        System.arraycopy(line, nullAt + 4, out, nullAt + quoted.length, line.length - nullAt - 4);
        return out;
    }

    /**
     * The CSV row with the id in its {@code duplicate_of} column, or null. The row is read as RFC 4180 writes it (a
     * quoted field's quotes doubled), in bytes: every character that matters is ASCII, in UTF-8 too. An id of letters
     * and digits is written without quotes, as Commons CSV writes it.
     */
    public static byte[] csv(byte[] row, String id) {
        if (!plain(id) || CSV_COLUMN < 1) {
            return null;
        }
        int commas = 0;
        int i = 0;
        int n = row.length;
        while (i < n && commas < CSV_COLUMN) {
            byte b = row[i];
            if (b == '"') {
                i++;
                while (true) { // to the closing quote; a doubled quote is a quote in the field
                    if (i >= n) {
                        return null;
                    }
                    if (row[i] == '"') {
                        if (i + 1 < n && row[i + 1] == '"') {
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
            } else {
                if (b == ',') {
                    commas++;
                }
                i++;
            }
        }
        if (commas != CSV_COLUMN || i >= n || row[i] != ',') {
            return null; // not the shape the formatter writes, or the column is not empty
        }
        byte[] token = id.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[n + token.length];
        System.arraycopy(row, 0, out, 0, i);
        System.arraycopy(token, 0, out, i, token.length);
        System.arraycopy(row, i, out, i + token.length, n - i);
        return out;
    }

    /** Letters and digits only, starting with neither quote nor anything CSV quotes: written as it is in both formats. */
    private static boolean plain(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] a, byte[] p) {
        outer:
        for (int i = a.length - p.length; i >= 0; i--) {
            for (int k = 0; k < p.length; k++) {
                if (a[i + k] != p[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
