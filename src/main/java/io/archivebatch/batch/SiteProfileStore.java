package io.archivebatch.batch;

import io.archivebatch.core.clean.SiteLineCounter;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Site profiles in the state ({@code ARCHIVE_SITE}: documents seen per site; {@code ARCHIVE_SITE_LINE}: in how many
 * of them each line hash occurred), so every run adds to what earlier runs learned. At most
 * {@value #MAX_STORED_LINES} lines per site are kept, the most frequent.
 * <p>
 * A run of pages from many sites (a crawl, the wcxb pages: one site a page or so) asks and writes for hundreds of
 * sites: sites are asked {@value #SITES_PER_QUERY} a query and written in JDBC batches, not a round trip or four per
 * site (a database server pays each one in network latency).
 */
public class SiteProfileStore {

    static final int MAX_STORED_LINES = 20_000;
    /** Sites named in one {@code IN (...)} list. */
    static final int SITES_PER_QUERY = 500;
    /** Line rows sent in one JDBC batch. */
    static final int ROWS_PER_BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private final int sitesPerQuery;

    public SiteProfileStore(DataSource dataSource) {
        this(dataSource, SITES_PER_QUERY);
    }

    SiteProfileStore(DataSource dataSource, int sitesPerQuery) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.sitesPerQuery = sitesPerQuery;
    }

    /**
     * Adds the stored counts of these sites to the counter. A site's lines are read in one stream, ordered by site, and
     * merged site by site: memory holds one site's stored lines at a time.
     */
    public void loadInto(SiteLineCounter counter, List<String> sites) {
        for (int from = 0; from < sites.size(); from += sitesPerQuery) {
            List<String> batch = sites.subList(from, Math.min(sites.size(), from + sitesPerQuery));
            Map<String, Long> docs = new HashMap<>();
            jdbc.query("SELECT SITE, DOCS FROM ARCHIVE_SITE WHERE SITE IN (" + marks(batch.size()) + ")",
                    rs -> {
                        docs.put(rs.getString(1), rs.getLong(2));
                    }, batch.toArray());
            if (docs.isEmpty()) {
                continue;
            }
            List<String> stored = batch.stream().filter(docs::containsKey).toList();
            Set<String> merged = new HashSet<>();
            String[] current = {null};
            Map<Long, Long> lines = new HashMap<>();
            jdbc.query("SELECT SITE, LINE_HASH, DOCS FROM ARCHIVE_SITE_LINE WHERE SITE IN (" + marks(stored.size())
                            + ") ORDER BY SITE",
                    rs -> {
                        String site = rs.getString(1);
                        if (!site.equals(current[0])) {
                            if (current[0] != null) {
                                counter.merge(current[0], docs.get(current[0]), lines);
                                merged.add(current[0]);
                                lines.clear();
                            }
                            current[0] = site;
                        }
                        lines.put(rs.getLong(2), rs.getLong(3));
                    }, stored.toArray());
            if (current[0] != null) {
                counter.merge(current[0], docs.get(current[0]), lines);
                merged.add(current[0]);
            }
            for (String site : stored) {
                if (!merged.contains(site)) {
                    counter.merge(site, docs.get(site), new HashMap<>()); // documents stored, no line kept
                }
            }
        }
    }

    /** Replaces the stored counts of the counter's sites with the counter's (which include what was loaded). */
    public void save(SiteLineCounter counter) {
        List<Object[]> sites = new ArrayList<>();
        List<Object[]> siteRows = new ArrayList<>();
        for (Map.Entry<String, SiteLineCounter.Site> e : counter.sites().entrySet()) {
            sites.add(new Object[]{e.getKey()});
            siteRows.add(new Object[]{e.getKey(), e.getValue().docs()});
        }
        if (sites.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("DELETE FROM ARCHIVE_SITE_LINE WHERE SITE = ?", sites);
        jdbc.batchUpdate("DELETE FROM ARCHIVE_SITE WHERE SITE = ?", sites);
        jdbc.batchUpdate("INSERT INTO ARCHIVE_SITE (SITE, DOCS) VALUES (?, ?)", siteRows);
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, SiteLineCounter.Site> e : counter.sites().entrySet()) {
            String site = e.getKey();
            List<Map.Entry<Long, Long>> lines = new ArrayList<>(e.getValue().lines().entrySet());
            lines.removeIf(x -> x.getValue() < 2);
            lines.sort(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            for (Map.Entry<Long, Long> l : lines.subList(0, Math.min(MAX_STORED_LINES, lines.size()))) {
                rows.add(new Object[]{site, l.getKey(), l.getValue()});
                if (rows.size() >= ROWS_PER_BATCH) {
                    insertLines(rows);
                }
            }
        }
        insertLines(rows);
    }

    private void insertLines(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO ARCHIVE_SITE_LINE (SITE, LINE_HASH, DOCS) VALUES (?, ?, ?)", rows);
            rows.clear();
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
