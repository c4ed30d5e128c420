package io.archivebatch.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the job state lives: an embedded HSQLDB file under the output folder unless a JDBC URL is given. */
public class StateOptions {

    @Option(names = "--state-url", paramLabel = "JDBC_URL",
            description = "JDBC URL of the state database (default: an HSQLDB file database in OUTPUT/.state). "
                    + "Also read from the environment as ARCHIVE_BATCH_STATE_URL.")
    String url;

    @Option(names = "--state-user", paramLabel = "USER", description = "State database user (default: SA for HSQLDB).")
    String user;

    @Option(names = "--state-password", paramLabel = "PASSWORD", description = "State database password; "
            + "prefer the environment variable ARCHIVE_BATCH_STATE_PASSWORD.")
    String password;

    public static String defaultUrl(Path output) {
        return "jdbc:hsqldb:file:" + output.toAbsolutePath().normalize().resolve(".state").resolve("archive-batch")
                + ";hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.lock_file=false;shutdown=true";
    }

    Map<String, Object> springProperties(Path output) {
        String u = url != null ? url : System.getenv("ARCHIVE_BATCH_STATE_URL");
        if (u == null || u.isBlank()) {
            u = defaultUrl(output);
        }
        if (!u.startsWith("jdbc:")) {
            throw new UsageException("--state-url must be a JDBC URL (jdbc:...), got: " + u);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", u);
        String usr = user != null ? user : System.getenv("ARCHIVE_BATCH_STATE_USER");
        if (usr == null && u.startsWith("jdbc:hsqldb:")) {
            usr = "SA";
        }
        if (usr != null) {
            p.put("spring.datasource.username", usr);
        }
        String pw = password != null ? password : System.getenv("ARCHIVE_BATCH_STATE_PASSWORD");
        p.put("spring.datasource.password", pw == null ? "" : pw);
        return p;
    }
}
