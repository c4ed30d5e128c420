package io.archivebatch.batch;

import io.archivebatch.core.clean.SiteLineCounter;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Site profiles in the state ({@code ARCHIVE_SITE}: documents seen per site; {@code ARCHIVE_SITE_LINE}: in how many
 * of them each line hash occurred), so every run adds to what earlier runs learned. At most
 * {@value #MAX_STORED_LINES} lines per site are kept, the most frequent.
 */
public class SiteProfileStore {

    static final int MAX_STORED_LINES = 20_000;

    private final JdbcTemplate jdbc;

    public SiteProfileStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Adds the stored counts of these sites to the counter. */
    public void loadInto(SiteLineCounter counter, Iterable<String> sites) {
        for (String site : sites) {
            List<Long> docs = jdbc.queryForList("SELECT DOCS FROM ARCHIVE_SITE WHERE SITE = ?", Long.class, site);
            if (docs.isEmpty()) {
                continue;
            }
            Map<Long, Long> lines = new HashMap<>();
            jdbc.query("SELECT LINE_HASH, DOCS FROM ARCHIVE_SITE_LINE WHERE SITE = ?",
                    rs -> {
                        lines.put(rs.getLong(1), rs.getLong(2));
                    }, site);
            counter.merge(site, docs.get(0), lines);
        }
    }

    /** Replaces the stored counts of the counter's sites with the counter's (which include what was loaded). */
    public void save(SiteLineCounter counter) {
        for (Map.Entry<String, SiteLineCounter.Site> e : counter.sites().entrySet()) {
            String site = e.getKey();
            jdbc.update("DELETE FROM ARCHIVE_SITE_LINE WHERE SITE = ?", site);
            jdbc.update("DELETE FROM ARCHIVE_SITE WHERE SITE = ?", site);
            jdbc.update("INSERT INTO ARCHIVE_SITE (SITE, DOCS) VALUES (?, ?)", site, e.getValue().docs());
            List<Map.Entry<Long, Long>> lines = new ArrayList<>(e.getValue().lines().entrySet());
            lines.removeIf(x -> x.getValue() < 2);
            lines.sort(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            List<Object[]> rows = new ArrayList<>();
            for (Map.Entry<Long, Long> l : lines.subList(0, Math.min(MAX_STORED_LINES, lines.size()))) {
                rows.add(new Object[]{site, l.getKey(), l.getValue()});
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO ARCHIVE_SITE_LINE (SITE, LINE_HASH, DOCS) VALUES (?, ?, ?)", rows);
            }
        }
    }
}
