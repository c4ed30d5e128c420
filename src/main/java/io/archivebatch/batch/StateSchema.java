package io.archivebatch.batch;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Creates the Spring Batch tables and archive-batch's own (input ledger, run lock) on first use, for whatever database the state URL points at (HSQLDB file by
 * default, an HSQLDB server, PostgreSQL, ...), using the schema scripts that ship inside spring-batch-core. Safe to
 * call on every start: it does nothing when the tables exist.
 */
public class StateSchema {

    private final DataSource dataSource;

    public StateSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The tables of archive-batch itself: the input ledger and the run lock (portable SQL). */
    static final String[][] OWN_TABLES = {
            {"ARCHIVE_LEDGER", "CREATE TABLE ARCHIVE_LEDGER (PATH VARCHAR(2000) NOT NULL PRIMARY KEY, "
                    + "SIZE_BYTES BIGINT NOT NULL, MTIME BIGINT NOT NULL, SHA256 VARCHAR(64), RUN_NAME VARCHAR(200) NOT NULL, "
                    + "OUTCOME VARCHAR(200) NOT NULL, PROCESSED_AT TIMESTAMP NOT NULL)"},
            {"ARCHIVE_LOCK", "CREATE TABLE ARCHIVE_LOCK (NAME VARCHAR(100) NOT NULL PRIMARY KEY, OWNER VARCHAR(300) NOT NULL, "
                    + "HOST VARCHAR(200) NOT NULL, PID BIGINT NOT NULL, PROCESS_START BIGINT NOT NULL, HEARTBEAT TIMESTAMP NOT NULL)"},
            {"ARCHIVE_SITE", "CREATE TABLE ARCHIVE_SITE (SITE VARCHAR(1000) NOT NULL PRIMARY KEY, DOCS BIGINT NOT NULL)"},
            {"ARCHIVE_SITE_LINE", "CREATE TABLE ARCHIVE_SITE_LINE (SITE VARCHAR(1000) NOT NULL, LINE_HASH BIGINT NOT NULL, "
                    + "DOCS BIGINT NOT NULL, PRIMARY KEY (SITE, LINE_HASH))"},
    };

    /**
     * The tables that grow with the archive (a ledger row per input ever processed, the sites' line statistics). In
     * an HSQLDB file database they are CACHED tables, kept in its {@code .data} file with a bounded cache of rows:
     * HSQLDB's default MEMORY tables live wholly in the heap, are read back from the {@code .script} file at every
     * start and rewritten to it at every shutdown (a ledger of 337,240 inputs: a 99 MB script, 3.5 s of parsing, and
     * a nightly that found nothing new in 12.2 s instead of 7.7 s). Spring Batch's own tables stay as they are: a
     * few dozen rows a run.
     */
    static final String[] ON_DISK = {"ARCHIVE_LEDGER", "ARCHIVE_SITE", "ARCHIVE_SITE_LINE"};

    public synchronized void ensure() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String product = md.getDatabaseProductName();
            if (!tableExists(md, "BATCH_JOB_INSTANCE")) {
                String platform = platform(product);
                ResourceDatabasePopulator populator = new ResourceDatabasePopulator(
                        new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
                populator.populate(c);
            }
            for (String[] t : OWN_TABLES) {
                if (!tableExists(md, t[0])) {
                    try (Statement st = c.createStatement()) {
                        st.execute(t[1]);
                    } catch (SQLException e) {
                        if (!tableExists(c.getMetaData(), t[0])) {
                            throw e;
                        }
                    }
                    if (!c.getAutoCommit()) {
                        c.commit();
                    }
                }
            }
            if (product.toLowerCase(Locale.ROOT).contains("hsql")) {
                onDisk(c);
            }
        }
    }

    /**
     * Makes the {@link #ON_DISK} tables CACHED where they are MEMORY (new tables, and state made by earlier versions:
     * their rows are kept). In an all-in-memory HSQLDB database ({@code mem:}) the statement changes nothing; a user
     * not allowed to change a table (a shared server's) keeps it as it is.
     */
    private static void onDisk(Connection c) throws SQLException {
        for (String table : ON_DISK) {
            String type;
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "SELECT HSQLDB_TYPE FROM INFORMATION_SCHEMA.SYSTEM_TABLES WHERE TABLE_SCHEM = CURRENT_SCHEMA AND TABLE_NAME = ?")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    type = rs.next() ? rs.getString(1) : null;
                }
            }
            if ("MEMORY".equals(type)) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET TABLE " + table + " TYPE CACHED");
                } catch (SQLException notAllowed) {
                    // a user of a shared HSQLDB server without the right to change the table: it works as it is
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                    continue;
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        }
    }

    private static boolean tableExists(DatabaseMetaData md, String table) throws SQLException {
        for (String name : new String[]{table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(null, null, name, new String[]{"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String platform(String product) {
        String p = product.toLowerCase(Locale.ROOT);
        if (p.contains("hsql")) {
            return "hsqldb";
        }
        if (p.contains("postgres")) {
            return "postgresql";
        }
        if (p.contains("h2")) {
            return "h2";
        }
        if (p.contains("mariadb")) {
            return "mariadb";
        }
        if (p.contains("mysql")) {
            return "mysql";
        }
        if (p.contains("oracle")) {
            return "oracle";
        }
        if (p.contains("sql server")) {
            return "sqlserver";
        }
        if (p.contains("sqlite")) {
            return "sqlite";
        }
        if (p.contains("db2")) {
            return "db2";
        }
        throw new IllegalStateException("no Spring Batch schema for database " + product);
    }
}
