package io.archivebatch.core.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date an input belongs to, for backfills: a {@code YYYY-MM-DD}, {@code YYYY/MM/DD} or {@code YYYYMMDD} in its
 * path (the last one found, so a dated file inside a dated folder counts by the file), else its modification time.
 */
public final class InputDates {

    private static final Pattern DATE = Pattern.compile(
            "(?<![0-9])((?:19|20)\\d\\d)([-/_]?)(0[1-9]|1[0-2])\\2(0[1-9]|[12]\\d|3[01])(?![0-9])");

    private InputDates() {
    }

    /** The date written in the path, or null. */
    public static LocalDate fromPath(String path) {
        Matcher m = DATE.matcher(path);
        LocalDate found = null;
        while (m.find()) {
            try {
                found = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            } catch (DateTimeException ignored) {
                // not a calendar date, e.g. 20190231
            }
        }
        return found;
    }

    public static LocalDate of(InputFile f, ZoneId zone) {
        LocalDate d = fromPath(f.source());
        return d != null ? d : LocalDate.ofInstant(Instant.ofEpochMilli(f.mtime()), zone);
    }
}
