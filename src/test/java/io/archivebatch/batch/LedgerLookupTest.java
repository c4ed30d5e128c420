package io.archivebatch.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger answers for the paths asked, in batches, from an embedded state database. */
class LedgerLookupTest {

    @Test
    void looksUpMorePathsThanOneQueryHolds(@TempDir Path dir) throws Exception {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:hsqldb:file:" + dir.resolve("state").resolve("db") + ";shutdown=true", "SA", "");
        new StateSchema(ds).ensure();
        Ledger ledger = new Ledger(ds);
        List<Ledger.Row> rows = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            rows.add(new Ledger.Row("/srv/scrapes/2024/" + i + ".txt", 1000 + i, 17_000_000L + i, "sha" + i, "run-1",
                    i % 7 == 0 ? "reject:empty" : "article"));
        }
        ledger.record(rows);
        assertThat(ledger.count()).isEqualTo(1_200);

        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 1_300; i++) { // 100 the ledger has never seen, past Ledger.LOOKUP_BATCH
            asked.add("/srv/scrapes/2024/" + (i * 7 % 1_300) + ".txt");
        }
        Map<String, Ledger.Entry> known = ledger.lookup(asked);
        assertThat(known).hasSize(1_200);
        assertThat(known.get("/srv/scrapes/2024/1199.txt")).isEqualTo(new Ledger.Entry(2199, 17_001_199L, "sha1199"));
        assertThat(known).doesNotContainKey("/srv/scrapes/2024/1200.txt");
        assertThat(ledger.lookup(List.of())).isEmpty();
        assertThat(known).isEqualTo(ledger.load());
    }
}
