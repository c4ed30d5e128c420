package io.archivebatch.batch;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input ledger ({@code ARCHIVE_LEDGER}): for each input path, its size, modification time and content hash when
 * a nightly run or backfill last processed it successfully, the run and the outcome. Written in the publish step's
 * transaction, so it changes exactly when a dataset is published.
 */
public class Ledger {

    /** What the ledger knows of one input. */
    public record Entry(long size, long mtime, String sha256) {
    }

    /** One row to record. */
    public record Row(String path, long size, long mtime, String sha256, String runName, String outcome) {
    }

    private final JdbcTemplate jdbc;

    public Ledger(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Paths asked of the database in one query by {@link #lookup}. */
    static final int LOOKUP_BATCH = 500;

    /**
     * What the ledger knows of these paths (absent when it knows nothing), asked {@value #LOOKUP_BATCH} paths a
     * query: memory follows the paths asked, not the ledger, which grows with every night of an archive.
     */
    public Map<String, Entry> lookup(List<String> paths) {
        Map<String, Entry> m = new HashMap<>();
        for (int from = 0; from < paths.size(); from += LOOKUP_BATCH) {
            List<String> batch = paths.subList(from, Math.min(paths.size(), from + LOOKUP_BATCH));
            String marks = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
            jdbc.query("SELECT PATH, SIZE_BYTES, MTIME, SHA256 FROM ARCHIVE_LEDGER WHERE PATH IN (" + marks + ")",
                    rs -> {
                        m.put(rs.getString(1), new Entry(rs.getLong(2), rs.getLong(3), rs.getString(4)));
                    }, batch.toArray());
        }
        return m;
    }

    /** The whole ledger (for tests and tools; runs use {@link #lookup}). */
    public Map<String, Entry> load() {
        Map<String, Entry> m = new HashMap<>();
        jdbc.query("SELECT PATH, SIZE_BYTES, MTIME, SHA256 FROM ARCHIVE_LEDGER",
                rs -> {
                    m.put(rs.getString(1), new Entry(rs.getLong(2), rs.getLong(3), rs.getString(4)));
                });
        return m;
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ARCHIVE_LEDGER", Long.class);
        return n == null ? 0 : n;
    }

    public void record(List<Row> rows) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> updates = new ArrayList<>(rows.size());
        for (Row r : rows) {
            updates.add(new Object[]{r.size(), r.mtime(), r.sha256(), r.runName(), r.outcome(), now, r.path()});
        }
        int[] done = jdbc.batchUpdate("UPDATE ARCHIVE_LEDGER SET SIZE_BYTES = ?, MTIME = ?, SHA256 = ?, RUN_NAME = ?, "
                + "OUTCOME = ?, PROCESSED_AT = ? WHERE PATH = ?", updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (done[i] == 0) {
                Row r = rows.get(i);
                inserts.add(new Object[]{r.path(), r.size(), r.mtime(), r.sha256(), r.runName(), r.outcome(), now});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO ARCHIVE_LEDGER (PATH, SIZE_BYTES, MTIME, SHA256, RUN_NAME, OUTCOME, PROCESSED_AT) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", inserts);
        }
    }
}
