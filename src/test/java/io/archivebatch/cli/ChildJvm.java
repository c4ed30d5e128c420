package io.archivebatch.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Runs the CLI in a separate JVM, so a test can kill it with SIGKILL or SIGTERM like cron, systemd or a machine would. */
final class ChildJvm {

    private final Process process;
    final Path stdout;
    final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ChildJvm start(Path logDir, String name, String... args) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(cp.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator));
        cmd.add("io.archivebatch.cli.Main");
        cmd.addAll(List.of(args));
        Files.createDirectories(logDir);
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildJvm(p, out, err);
    }

    /** Waits until the condition holds (polling), or fails after the timeout. */
    void awaitThat(BooleanSupplier condition, long seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("the child ended (exit " + process.exitValue() + ") before " + what + ": " + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + output());
            }
            Thread.sleep(20);
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void terminate() {
        process.destroy(); // SIGTERM
    }

    int waitFor(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not end within " + seconds + " s: " + output());
        }
        return process.exitValue();
    }

    String output() {
        try {
            return "stdout: " + Files.readString(stdout) + " stderr: " + Files.readString(stderr);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    static long lines(Path file) {
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            long n = 0;
            for (byte b : Files.readAllBytes(file)) {
                if (b == '\n') {
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }
}
