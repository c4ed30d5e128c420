package io.archivebatch.batch;

import io.archivebatch.TehranTimes;
import io.archivebatch.core.clean.SiteLineCounter;
import io.archivebatch.core.clean.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site profiles a run stores are the ones the next run loads, for more sites than one query names: Tehran Times
 * pages (one site's chrome in every page) dealt out to nine site keys, stored by one run and added to by the next.
 */
class SiteProfileStoreTest {

    @Test
    void nextRunAddsToWhatTheLastRunStored(@TempDir Path dir) throws Exception {
        Path pages = dir.resolve("pages");
        TehranTimes.unpack(pages, 270);
        List<String> texts = new ArrayList<>();
        TextNormalizer normalizer = new TextNormalizer();
        try (Stream<Path> s = Files.list(pages)) {
            for (Path p : s.sorted().toList()) {
                texts.add(normalizer.normalize(Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:hsqldb:file:" + dir.resolve("state").resolve("db") + ";shutdown=true", "SA", "");
        new StateSchema(ds).ensure();
        SiteProfileStore store = new SiteProfileStore(ds, 2); // 2 sites a query: five queries for nine sites

        // first run: the first six sites
        SiteLineCounter first = new SiteLineCounter(200_000);
        for (int i = 0; i < texts.size(); i++) {
            if (i % 9 < 6) {
                first.add(site(i), texts.get(i));
            }
        }
        store.loadInto(first, new ArrayList<>(first.sites().keySet())); // nothing stored yet: nothing added
        assertThat(first.sites().get(site(0)).docs()).isEqualTo(30);
        store.save(first);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ARCHIVE_SITE", Long.class)).isEqualTo(6);
        Map<Long, Long> stored0 = storedLines(jdbc, site(0));
        assertThat(stored0).isNotEmpty().allSatisfy((h, c) -> assertThat(c).isGreaterThanOrEqualTo(2));
        assertThat(stored0).isEqualTo(frequent(first.sites().get(site(0)).lines()));

        // second run: all nine sites, the same pages again
        SiteLineCounter second = new SiteLineCounter(200_000);
        for (int i = 0; i < texts.size(); i++) {
            second.add(site(i), texts.get(i));
        }
        Map<String, Map<Long, Long>> own = new HashMap<>();
        second.sites().forEach((site, s) -> own.put(site, new HashMap<>(s.lines())));
        List<String> asked = new ArrayList<>(second.sites().keySet());
        asked.sort(null);
        store.loadInto(second, asked);
        for (int k = 0; k < 9; k++) {
            String site = site(k);
            SiteLineCounter.Site s = second.sites().get(site);
            Map<Long, Long> expected = new HashMap<>(own.get(site));
            if (k < 6) {
                assertThat(s.docs()).as(site).isEqualTo(60);
                storedLines(jdbc, site).forEach((h, c) -> expected.merge(h, c, Long::sum));
            } else {
                assertThat(s.docs()).as(site).isEqualTo(30);
            }
            assertThat(s.lines()).as(site).isEqualTo(expected);
        }
        // the chrome every page repeats is counted in both runs' pages
        long top = stored0.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(top).isEqualTo(30);
        assertThat(second.sites().get(site(0)).lines().values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .isEqualTo(60);

        store.save(second);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ARCHIVE_SITE", Long.class)).isEqualTo(9);
        assertThat(jdbc.queryForObject("SELECT DOCS FROM ARCHIVE_SITE WHERE SITE = ?", Long.class, site(8))).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT DOCS FROM ARCHIVE_SITE WHERE SITE = ?", Long.class, site(1))).isEqualTo(60);
        assertThat(storedLines(jdbc, site(0))).isEqualTo(frequent(second.sites().get(site(0)).lines()));
        assertThat(storedLines(jdbc, site(7))).isEqualTo(frequent(second.sites().get(site(7)).lines()));
    }

    private static String site(int i) {
        return "tehrantimes-" + (i % 9) + ".com";
    }

    private static Map<Long, Long> storedLines(JdbcTemplate jdbc, String site) {
        Map<Long, Long> m = new HashMap<>();
        jdbc.query("SELECT LINE_HASH, DOCS FROM ARCHIVE_SITE_LINE WHERE SITE = ?", rs -> {
            m.put(rs.getLong(1), rs.getLong(2));
        }, site);
        return m;
    }

    /** The lines a save keeps: those seen in two documents or more (fewer than the cap here). */
    private static Map<Long, Long> frequent(Map<Long, Long> lines) {
        Map<Long, Long> m = new HashMap<>(lines);
        m.values().removeIf(c -> c < 2);
        assertThat(m.size()).isLessThan(SiteProfileStore.MAX_STORED_LINES);
        return m;
    }
}
