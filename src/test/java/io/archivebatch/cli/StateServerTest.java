package io.archivebatch.cli;

import io.archivebatch.Corpus;
import org.hsqldb.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The state can live in a database server: here an HSQLDB server on loopback, reached with --state-url. */
class StateServerTest {

    @Test
    void runKeepsItsStateInAServerDatabase(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Server server = new Server();
        server.setAddress("127.0.0.1");
        server.setPort(port);
        server.setDatabaseName(0, "state");
        server.setDatabasePath(0, "file:" + tmp.resolve("db/state") + ";hsqldb.tx=mvcc");
        server.setSilent(true);
        server.setLogWriter(null);
        server.setErrWriter(null);
        server.start();
        try {
            Path in = tmp.resolve("in");
            Files.createDirectories(in);
            Files.copy(Corpus.seedDump(), in.resolve("seed.txt"));
            Path out = tmp.resolve("out");
            String url = "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/state";
            CliRun r = CliRun.of("run", "-i", in.toString(), "-o", out.toString(), "--state-url", url, "-q");
            assertThat(r.exit()).as(r.err()).isEqualTo(0);
            assertThat(out.resolve(".state")).doesNotExist();
            try (Connection c = DriverManager.getConnection(url, "SA", "");
                 ResultSet rs = c.createStatement().executeQuery(
                         "select count(*) from BATCH_JOB_EXECUTION where STATUS = 'COMPLETED'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            CliRun again = CliRun.of("run", "-i", in.toString(), "-o", out.toString(), "--state-url", url, "-q");
            assertThat(again.out()).contains("already completed");
        } finally {
            server.shutdown();
        }
    }
}
