package io.archivebatch.batch;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Creates the Spring Batch tables on first use, for whatever database the state URL points at (HSQLDB file by
 * default, an HSQLDB server, PostgreSQL, ...), using the schema scripts that ship inside spring-batch-core. Safe to
 * call on every start: it does nothing when the tables exist.
 */
public class StateSchema {

    private final DataSource dataSource;

    public StateSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void ensure() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            if (tableExists(md, "BATCH_JOB_INSTANCE")) {
                return;
            }
            String platform = platform(md.getDatabaseProductName());
            ResourceDatabasePopulator populator = new ResourceDatabasePopulator(
                    new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
            populator.populate(c);
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
