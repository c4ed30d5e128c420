package io.archivebatch.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded state keeps the tables that grow with the archive on disk, not in the heap. */
class StateSchemaTest {

    @Test
    void theLedgerOfAFileDatabaseIsCachedOnDiskAndSurvivesARestart(@TempDir Path dir) throws Exception {
        DriverManagerDataSource ds = fileDatabase(dir);
        new StateSchema(ds).ensure();
        for (String t : StateSchema.ON_DISK) {
            assertThat(type(ds, t)).as(t).isEqualTo("CACHED");
        }
        new Ledger(ds).record(rows(500));
        shutdown(ds);

        // the rows are in the .data file: the script the database reads at start holds the tables' definitions only
        String script = Files.readString(dir.resolve("db.script"), StandardCharsets.UTF_8);
        assertThat(script).contains("CREATE CACHED TABLE PUBLIC.ARCHIVE_LEDGER").doesNotContain("/srv/scrapes/2024/");
        DriverManagerDataSource again = fileDatabase(dir);
        new StateSchema(again).ensure();
        assertThat(new Ledger(again).count()).isEqualTo(500);
        assertThat(new Ledger(again).lookup(List.of("/srv/scrapes/2024/499.txt"))).containsKey("/srv/scrapes/2024/499.txt");
        shutdown(again);
    }

    @Test
    void aLedgerThatAnEarlierVersionKeptInMemoryMovesToDiskWithItsRows(@TempDir Path dir) throws Exception {
        DriverManagerDataSource ds = fileDatabase(dir);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String[] t : StateSchema.OWN_TABLES) {
                st.execute(t[1]); // plain CREATE TABLE: HSQLDB's default, MEMORY, as earlier versions made them
            }
        }
        assertThat(type(ds, "ARCHIVE_LEDGER")).isEqualTo("MEMORY");
        new Ledger(ds).record(rows(300));
        shutdown(ds);

        DriverManagerDataSource again = fileDatabase(dir);
        new StateSchema(again).ensure();
        assertThat(type(again, "ARCHIVE_LEDGER")).isEqualTo("CACHED");
        assertThat(new Ledger(again).count()).isEqualTo(300);
        assertThat(new Ledger(again).load()).containsKey("/srv/scrapes/2024/0.txt");
        new StateSchema(again).ensure(); // a second start changes nothing
        assertThat(type(again, "ARCHIVE_LEDGER")).isEqualTo("CACHED");
        shutdown(again);
    }

    @Test
    void aUserWhoMayNotChangeTheTablesKeepsThemAsTheyAre(@TempDir Path dir) throws Exception {
        DriverManagerDataSource admin = fileDatabase(dir);
        new StateSchema(admin).ensure();
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET TABLE ARCHIVE_LEDGER TYPE MEMORY"); // as an earlier version left it
            st.execute("CREATE USER ARCHIVE PASSWORD 'archive'");
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[]{"TABLE"})) {
                List<String> tables = new ArrayList<>();
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
                for (String t : tables) {
                    st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + t + " TO ARCHIVE");
                }
            }
        }
        DriverManagerDataSource user = new DriverManagerDataSource("jdbc:hsqldb:file:" + dir.resolve("db"), "ARCHIVE", "archive");
        new StateSchema(user).ensure(); // does not fail: the table works as it is
        assertThat(type(admin, "ARCHIVE_LEDGER")).isEqualTo("MEMORY");
        new Ledger(user).record(rows(10));
        assertThat(new Ledger(user).count()).isEqualTo(10);
        shutdown(admin);
    }

    private static DriverManagerDataSource fileDatabase(Path dir) {
        return new DriverManagerDataSource("jdbc:hsqldb:file:" + dir.resolve("db") + ";hsqldb.write_delay=false", "SA", "");
    }

    private static List<Ledger.Row> rows(int n) {
        List<Ledger.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Ledger.Row("/srv/scrapes/2024/" + i + ".txt", 1000 + i, 17_000_000L + i, "sha" + i, "run-1", "article"));
        }
        return rows;
    }

    private static String type(DriverManagerDataSource ds, String table) throws Exception {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT HSQLDB_TYPE FROM INFORMATION_SCHEMA.SYSTEM_TABLES WHERE TABLE_NAME = '" + table + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void shutdown(DriverManagerDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }
}
