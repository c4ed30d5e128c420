package io.archivebatch.batch;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One live process at a time per state: a row in {@code ARCHIVE_LOCK} names its owner (host, pid, process start)
 * and carries a heartbeat. A row whose owner is dead — on this host its pid is gone or belongs to another process;
 * elsewhere its heartbeat is older than {@link #STALE_SECONDS} — is taken over; a live owner makes the acquirer
 * fail at once. Conditional updates and the primary key make two racing acquirers agree on one winner.
 */
public final class StateLock implements AutoCloseable {

    static final String NAME = "state";
    static final long STALE_SECONDS = 60;
    private static final long HEARTBEAT_SECONDS = 10;

    private final JdbcTemplate jdbc;
    private final String owner;
    private final ScheduledExecutorService heartbeat;

    private StateLock(JdbcTemplate jdbc, String owner) {
        this.jdbc = jdbc;
        this.owner = owner;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "archive-batch-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    public static StateLock acquire(DataSource dataSource) throws StateLockedException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        long start = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        String me = host + ":" + pid + ":" + start;
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT OWNER, HOST, PID, PROCESS_START, HEARTBEAT, CURRENT_TIMESTAMP AS NOW_TS FROM ARCHIVE_LOCK WHERE NAME = ?", NAME);
            if (rows.isEmpty()) {
                try {
                    jdbc.update("INSERT INTO ARCHIVE_LOCK (NAME, OWNER, HOST, PID, PROCESS_START, HEARTBEAT) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                            NAME, me, host, pid, start);
                    return new StateLock(jdbc, me);
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            Map<String, Object> row = rows.get(0);
            String held = (String) row.get("OWNER");
            if (held.equals(me)) {
                return new StateLock(jdbc, me);
            }
            if (alive(row, host)) {
                throw new StateLockedException("another archive-batch process holds the state (pid "
                        + row.get("PID") + " on " + row.get("HOST") + ")");
            }
            int taken = jdbc.update("UPDATE ARCHIVE_LOCK SET OWNER = ?, HOST = ?, PID = ?, PROCESS_START = ?, HEARTBEAT = CURRENT_TIMESTAMP "
                    + "WHERE NAME = ? AND OWNER = ?", me, host, pid, start, NAME, held);
            if (taken == 1) {
                return new StateLock(jdbc, me);
            }
        }
        throw new StateLockedException("another archive-batch process is taking the state lock at the same moment");
    }

    private static boolean alive(Map<String, Object> row, String host) {
        if (host.equals(row.get("HOST"))) {
            long pid = ((Number) row.get("PID")).longValue();
            long start = ((Number) row.get("PROCESS_START")).longValue();
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return false;
            }
            long actualStart = p.get().info().startInstant().map(Instant::toEpochMilli).orElse(start);
            return Math.abs(actualStart - start) < 2000;
        }
        Timestamp beat = (Timestamp) row.get("HEARTBEAT");
        Timestamp now = (Timestamp) row.get("NOW_TS");
        return now.getTime() - beat.getTime() < STALE_SECONDS * 1000;
    }

    private void beat() {
        try {
            jdbc.update("UPDATE ARCHIVE_LOCK SET HEARTBEAT = CURRENT_TIMESTAMP WHERE NAME = ? AND OWNER = ?", NAME, owner);
        } catch (RuntimeException ignored) {
            // the next beat tries again; a lost database shows up in the job itself
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            jdbc.update("DELETE FROM ARCHIVE_LOCK WHERE NAME = ? AND OWNER = ?", NAME, owner);
        } catch (RuntimeException ignored) {
            // a lock row left behind is taken over: its owner is dead
        }
    }

    static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
