package io.archivebatch.bench;

import io.archivebatch.Corpus;
import io.archivebatch.TehranTimes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The whole-process benchmark of issue #6 (not a test: run it with {@code mvn -Pbench -DskipTests verify}). Each
 * measured command is a child process timed by GNU time ({@code /usr/bin/time -v}: wall clock and peak RSS), after the
 * corpus has been read once so every measurement starts from a warm page cache:
 * <ul>
 *   <li>{@code cat}: reading the same bytes ({@code find | xargs cat > /dev/null}), the floor;</li>
 *   <li>{@code convert}: the pass-through job — the same readers, batch steps, writers and publication, no cleaning;</li>
 *   <li>{@code run}: the job;</li>
 * </ul>
 * on the unpacked Tehran Times corpus (33,724 files), on the same scaled ×N by a generator that mutates real
 * documents, and on the wcxb-dev HTML pages. Prints docs/s, MB/s, peak RSS and the ratios, and checks that
 * {@code --threads 1} and {@code --threads 2} give identical files.
 *
 * <p>The jobs start as {@code bin/archive-batch} starts them: the extracted jar in {@code target/app} with its
 * class-data-sharing archive. The same jobs started from the fat jar ({@code java -jar target/archive-batch.jar}) are
 * measured once on the sample dumps of {@code input/} (start-up) and once on Tehran ×1, for the difference.
 */
public final class JobBenchmark {

    record Measure(String what, String corpus, long docs, long bytes, double seconds, long rssKb) {
        double docsPerSecond() {
            return docs / seconds;
        }

        double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    private final Path work;
    private final Path jar;
    /** The extracted layout's jar and its CDS archive, when the build made them (not with -Dcds.skip). */
    private final Path appJar;
    private final Path cdsArchive;
    private final List<Measure> measures = new ArrayList<>();

    JobBenchmark(Path work, Path jar) {
        this.work = work;
        this.jar = jar;
        Path app = jar.toAbsolutePath().getParent().resolve("app");
        this.appJar = Files.exists(app.resolve("archive-batch.jar")) ? app.resolve("archive-batch.jar") : null;
        this.cdsArchive = appJar != null && Files.exists(app.resolve("archive-batch.jsa")) ? app.resolve("archive-batch.jsa") : null;
        this.launch = launchOptions(true);
    }

    /**
     * How a measured job is started: through {@code bin/archive-batch} (the extracted jar, its CDS archive and the
     * launcher's JVM options, with the benchmark's JVM options as {@code JAVA_OPTS}), or {@code java} with the
     * benchmark's JVM options and the fat jar.
     */
    private List<String> launchOptions(boolean app) {
        if (!app || appJar == null) {
            List<String> out = new ArrayList<>(List.of("java"));
            out.addAll(jvmOptions());
            out.addAll(List.of("-jar", jar.toString()));
            return out;
        }
        return List.of(Path.of("bin", "archive-batch").toAbsolutePath().toString());
    }

    private List<String> launch;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.dir", "target/bench"));
        int scale = Integer.getInteger("bench.scale", 10);
        int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
        Path jar = Path.of(System.getProperty("bench.jar", "target/archive-batch.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the jar first: " + jar);
        }
        Files.createDirectories(work); // a fresh clone has no target/bench: the logs of the measured runs go there
        JobBenchmark b = new JobBenchmark(work, jar);
        System.out.printf(Locale.ROOT, "archive-batch benchmark: %d cores, threads %d, scale x%d, java %s, JVM options: %s%n",
                Runtime.getRuntime().availableProcessors(), threads, scale, System.getProperty("java.version"),
                System.getProperty("bench.jvm", "").isBlank() ? "JVM defaults" : System.getProperty("bench.jvm").trim());
        System.out.println("jobs start as: " + String.join(" ", b.launch) + " (JAVA_OPTS: the JVM options)");
        b.startUp(Path.of("input"), threads);

        Path x1 = work.resolve("tehran-x1");
        if (!Files.isDirectory(x1)) {
            System.out.println("unpacking the Tehran Times corpus into " + x1);
            TehranTimes.unpack(x1, Integer.MAX_VALUE);
        }
        b.corpus("tehran x1", x1, threads);
        String t2 = b.runDigest;
        b.fatJar("tehran x1", x1, threads);
        int cycles = Math.max(1, Integer.getInteger("bench.cycles", 3));
        b.cycles("tehran x1", x1, threads, cycles, t2);
        if (scale > 1) {
            Path xn = work.resolve("tehran-x" + scale);
            if (!Files.isDirectory(xn)) {
                System.out.println("generating the x" + scale + " corpus into " + xn);
                generate(x1, xn, scale);
            }
            b.corpus("tehran x" + scale, xn, threads);
            if (Boolean.parseBoolean(System.getProperty("bench.scaled-cycles", "true"))) {
                // on the long run the compiler's start-up share is small: the speed-up of the threads themselves
                b.cycles("tehran x" + scale, xn, threads, cycles, b.runDigest);
            }
            if (Boolean.parseBoolean(System.getProperty("bench.nightly", "true"))) {
                b.nightly("tehran x" + scale, xn);
            }
        }
        Path html = Corpus.wcxbDev().resolve("html");
        b.measure("cat", "wcxb-dev html", html, null);
        b.measure("run", "wcxb-dev html", html, List.of("run", "--threads", String.valueOf(threads)));
        b.aot(System.getProperty("bench.aot-java", ""), x1, html, threads);
        b.report(scale);
    }

    /**
     * The same job on a JDK 25+ with an ahead-of-time cache (JEP 483/515: classes loaded and linked, method profiles),
     * trained on another corpus (the wcxb-dev text dumps), then the Tehran ×1 and HTML runs again with it.
     */
    private void aot(String aotJava, Path x1, Path html, int threads) throws Exception {
        if (aotJava.isBlank() || !Files.isExecutable(Path.of(aotJava))) {
            System.out.println("AOT cache runs skipped (no -Dbench.aot-java=<JDK 25+ java>)");
            return;
        }
        Path cache = work.resolve("archive-batch.aot").toAbsolutePath();
        Files.deleteIfExists(cache);
        Path train = work.resolve("out-aot-training");
        deleteTree(train);
        List<String> cmd = new ArrayList<>(List.of(aotJava, "-XX:AOTCacheOutput=" + cache));
        cmd.addAll(jvmOptions());
        cmd.addAll(launcherJit());
        cmd.addAll(List.of("-jar", appJar != null ? appJar.toString() : jar.toString(), "run", "-q", "-i", Corpus.wcxbDev().resolve("dumps").toString(),
                "-o", train.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("aot-training.log").toFile()).start();
        int exit = p.waitFor();
        deleteTree(train);
        if ((exit != 0 && exit != 4) || !Files.exists(cache)) {
            System.out.println("AOT cache training failed (exit " + exit + "), see " + work.resolve("aot-training.log"));
            return;
        }
        System.out.printf(Locale.ROOT, "AOT cache trained on wcxb-dev dumps in %.1f s: %s (%.0f MB)%n",
                (System.nanoTime() - t0) / 1e9, cache, Files.size(cache) / 1e6);
        List<String> plain = launch;
        // the AOT cache keeps classes of the class path only, so the extracted jar when there is one (no CDS archive)
        launch = new ArrayList<>(List.of(aotJava));
        launch.addAll(jvmOptions());
        launch.addAll(launcherJit());
        launch.addAll(List.of("-XX:AOTCache=" + cache, "-jar"));
        launch.add(appJar != null ? appJar.toString() : jar.toString());
        try {
            measure("run (JDK 25 + AOT)", "tehran x1", x1, List.of("run", "--threads", String.valueOf(threads)));
            measure("run (JDK 25 + AOT)", "wcxb-dev html", html, List.of("run", "--threads", String.valueOf(threads)));
        } finally {
            launch = plain;
        }
    }

    /** The JIT options {@code bin/archive-batch} starts java with (its {@code opts=(...)} line), for the AOT runs. */
    private static List<String> launcherJit() throws IOException {
        for (String line : Files.readAllLines(Path.of("bin", "archive-batch"))) {
            if (line.startsWith("opts=(")) {
                List<String> out = new ArrayList<>();
                for (String o : line.substring(6, line.lastIndexOf(')')).split("\\s+")) {
                    out.add(o.replace("\"", ""));
                }
                return out;
            }
        }
        throw new IllegalStateException("bin/archive-batch has no opts=(...) line");
    }

    /** Start-up: the four sample dumps, started the launcher's way and from the fat jar, alternated, best of three. */
    private void startUp(Path input, int threads) throws Exception {
        if (!Files.isDirectory(input)) {
            return;
        }
        List<String> plain = launch;
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        try {
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < 2; k++) {
                    launch = launchOptions(k == 0);
                    Measure m = measure(k == 0 ? "start-up" : "start-up (fat jar)", "input/", input,
                            List.of("run", "--threads", String.valueOf(threads)));
                    measures.remove(m);
                    best[k] = Math.min(best[k], m.seconds());
                }
            }
        } finally {
            launch = plain;
        }
        System.out.printf(Locale.ROOT, "start-up, best of 3 (run of the %s sample dumps): %.2f s as launched, %.2f s from the fat jar%n",
                input, best[0], best[1]);
    }

    /** The Tehran run again from the fat jar, for the difference the launcher makes on a whole run. */
    private void fatJar(String name, Path dir, int threads) throws Exception {
        if (appJar == null) {
            return;
        }
        List<String> plain = launch;
        launch = launchOptions(false);
        try {
            measure("run (fat jar)", name, dir, List.of("run", "--threads", String.valueOf(threads)));
        } finally {
            launch = plain;
        }
    }

    private static List<String> jvmOptions() {
        List<String> out = new ArrayList<>();
        for (String o : System.getProperty("bench.jvm", "").trim().split("\\s+")) {
            if (!o.isEmpty()) {
                out.add(o);
            }
        }
        return out;
    }

    /** The output digest of the last job measured, and of the last corpus's {@code run}. */
    private String lastDigest = "";
    private String runDigest = "";

    private void corpus(String name, Path dir, int threads) throws Exception {
        measure("cat", name, dir, null);
        measure("convert", name, dir, List.of("convert", "--threads", String.valueOf(threads)));
        measure("run", name, dir, List.of("run", "--threads", String.valueOf(threads)));
        runDigest = lastDigest;
    }

    /**
     * The two ratios of the issue measured in alternation, which a shared, noisy machine needs: each cycle runs
     * {@code convert}, {@code run} and {@code run --threads 1} back to back, so the two runs of a ratio meet the same
     * load, and the ratios of every cycle are printed with their median. Every run's output files are compared with
     * the first run's ({@code expected}).
     */
    private void cycles(String corpus, Path dir, int threads, int n, String expected) throws Exception {
        List<Double> passThrough = new ArrayList<>();
        List<Double> speedUp = new ArrayList<>();
        List<Double> runs = new ArrayList<>();
        boolean same = true;
        for (int i = 1; i <= n; i++) {
            Measure conv = measure("convert #" + i, corpus, dir, List.of("convert", "--threads", String.valueOf(threads)));
            Measure run = measure("run #" + i, corpus, dir, List.of("run", "--threads", String.valueOf(threads)));
            same &= lastDigest.equals(expected);
            passThrough.add(conv.seconds() / run.seconds());
            runs.add(run.seconds());
            if (threads != 1) {
                Measure one = measure("run --threads 1 #" + i, corpus, dir, List.of("run", "--threads", "1"));
                same &= lastDigest.equals(expected);
                speedUp.add(one.seconds() / run.seconds());
            }
        }
        double median = median(runs);
        System.out.printf(Locale.ROOT, "%s, %d alternated cycles: run median %.2f s (%.0f docs/s); run / convert "
                        + "throughput %s, median %.2f%n", corpus, n, median, find("run", corpus).docs() / median,
                list(passThrough), median(passThrough));
        if (threads != 1) {
            System.out.printf(Locale.ROOT, "%s, %d alternated cycles: threads 1 vs %d speed-up %s, median %.2fx; output "
                    + "files %s%n", corpus, n, threads, list(speedUp), median(speedUp), same ? "identical" : "DIFFERENT");
        }
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static String list(List<Double> values) {
        return String.join(" ", values.stream().map(d -> String.format(Locale.ROOT, "%.2f", d)).toList());
    }

    private Measure find(String what, String corpus) {
        return measures.stream().filter(m -> m.what().equals(what) && m.corpus().equals(corpus)).findFirst().orElseThrow();
    }

    /** One child process under GNU time; {@code job} null measures cat. */
    private Measure measure(String what, String corpus, Path dir, List<String> job) throws Exception {
        Path out = work.resolve("out-" + what.replace(' ', '_') + "-" + corpus.replace(' ', '_'));
        deleteTree(out);
        return measure(what, corpus, dir, job, out, false);
    }

    /**
     * The nightly cron case on a large archive: {@code nightly} over the corpus into a new output folder (every input
     * processed and recorded in the ledger), then {@code nightly} again into the same folder, which finds nothing new
     * (the start, the scan and the ledger look-ups of every input).
     */
    private void nightly(String corpus, Path dir) throws Exception {
        Path out = work.resolve("out-nightly-" + corpus.replace(' ', '_'));
        deleteTree(out);
        try {
            Measure first = measure("nightly", corpus, dir, List.of("nightly"), out, true);
            Measure again = measure("nightly again", corpus, dir, List.of("nightly"), out, true);
            measures.remove(first);
            measures.remove(again);
            System.out.printf(Locale.ROOT, "nightly on %s: %.2f s the first time (every input, ledger recorded), %.2f s the "
                    + "next time (nothing new), peak RSS %.0f and %.0f MB%n", corpus, first.seconds(), again.seconds(),
                    first.rssKb() / 1024.0, again.rssKb() / 1024.0);
        } finally {
            deleteTree(out);
        }
    }

    private Measure measure(String what, String corpus, Path dir, List<String> job, Path out, boolean keep) throws Exception {
        long[] size = size(dir);
        warm(dir);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        if (job == null) {
            cmd.addAll(List.of("bash", "-c", "find '" + dir + "' -type f -print0 | xargs -0 cat > /dev/null"));
        } else {
            // the same JVM options for every corpus (a fixed heap): peak RSS then shows what the job keeps
            cmd.addAll(launch);
            cmd.addAll(job);
            cmd.addAll(List.of("-i", dir.toString(), "-o", out.toString(), "-q"));
        }
        Path log = work.resolve("time-" + measures.size() + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_OPTS", String.join(" ", jvmOptions()));
        Process p = pb.start();
        int exit = p.waitFor();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (exit != 0 && exit != 4) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + exit + ":\n" + text);
        }
        Measure m = new Measure(what, corpus, size[0], size[1], wall(text), rss(text));
        measures.add(m);
        System.out.printf(Locale.ROOT, "  %-16s %-14s %8d docs %8.1f MB %8.2f s %9.0f docs/s %7.1f MB/s %7.0f MB peak RSS%n",
                what, corpus, m.docs(), m.bytes() / 1e6, m.seconds(), m.docsPerSecond(), m.mbPerSecond(), m.rssKb() / 1024.0);
        if (job != null && !keep) {
            lastDigest = outputDigest(out);
            deleteTree(out);
        }
        return m;
    }

    private void report(int scale) {
        System.out.println();
        System.out.println("| corpus | docs | MB | cat s | convert s | run s | run docs/s | run MB/s | run / convert throughput | run peak RSS MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String corpus : measures.stream().map(Measure::corpus).distinct().toList()) {
            Measure run = find("run", corpus);
            Measure cat = find("cat", corpus);
            Measure conv = measures.stream().filter(m -> m.what().equals("convert") && m.corpus().equals(corpus)).findFirst().orElse(null);
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %s | %.2f | %.0f | %.1f | %s | %.0f |%n", corpus, run.docs(),
                    run.bytes() / 1e6, cat.seconds(), conv == null ? "—" : String.format(Locale.ROOT, "%.2f", conv.seconds()),
                    run.seconds(), run.docsPerSecond(), run.mbPerSecond(),
                    conv == null ? "—" : String.format(Locale.ROOT, "%.2f", conv.seconds() / run.seconds()), run.rssKb() / 1024.0);
        }
        for (Measure m : measures) {
            if (m.what().startsWith("run (")) {
                Measure plain = find("run", m.corpus());
                System.out.printf(Locale.ROOT, "%s on %s: %.2f s, %.0f docs/s (%.2fx the JDK %s run as launched), peak RSS %.0f MB%n",
                        m.what(), m.corpus(), m.seconds(), m.docsPerSecond(), plain.seconds() / m.seconds(),
                        System.getProperty("java.specification.version"), m.rssKb() / 1024.0);
            }
        }
        if (scale > 1) {
            Measure a = find("run", "tehran x1");
            Measure b = find("run", "tehran x" + scale);
            System.out.printf(Locale.ROOT, "peak RSS x%d / x1: %.2f%n", scale, (double) b.rssKb() / a.rssKb());
        }
    }

    /** Files and bytes under a folder. */
    private static long[] size(Path dir) throws IOException {
        long[] s = new long[2];
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                s[0]++;
                try {
                    s[1] += Files.size(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return s;
    }

    private static void warm(Path dir) throws Exception {
        new ProcessBuilder("bash", "-c", "find '" + dir + "' -type f -print0 | xargs -0 cat > /dev/null").inheritIO().start().waitFor();
    }

    private static double wall(String time) {
        for (String line : time.split("\n")) {
            line = line.strip();
            if (line.startsWith("Elapsed (wall clock) time")) {
                String v = line.substring(line.lastIndexOf(' ') + 1);
                String[] parts = v.split(":");
                double s = 0;
                for (String part : parts) {
                    s = s * 60 + Double.parseDouble(part);
                }
                return s;
            }
        }
        throw new IllegalStateException("no wall time in:\n" + time);
    }

    private static long rss(String time) {
        for (String line : time.split("\n")) {
            line = line.strip();
            if (line.startsWith("Maximum resident set size")) {
                return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new IllegalStateException("no peak RSS in:\n" + time);
    }

    /** SHA-256 over the dataset's articles.jsonl, articles.csv and rejects.jsonl. */
    private static String outputDigest(Path out) throws Exception {
        Path run;
        try (Stream<Path> s = Files.list(out)) {
            run = s.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String f : List.of("articles.jsonl", "articles.csv", "rejects.jsonl")) {
            md.update(Files.readAllBytes(run.resolve(f)));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The corpus ×n: the originals and n-1 variants of each, made by mutating the real text — numbers changed,
     * sentences of a paragraph reordered, a paragraph dropped — so no variant is an exact duplicate while the site's
     * chrome lines stay as they are.
     */
    static void generate(Path x1, Path xn, int n) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(x1)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Random rnd = new Random(6);
        for (int k = 0; k < n; k++) {
            Path dir = xn.resolve(String.format(Locale.ROOT, "v%02d", k));
            Files.createDirectories(dir);
            for (Path f : files) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(f.getFileName()), k == 0 ? text : mutate(text, rnd), StandardCharsets.UTF_8);
            }
        }
    }

    private static String mutate(String text, Random rnd) {
        String[] paras = text.split("\n\n", -1);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int drop = paras.length > 6 ? 2 + rnd.nextInt(paras.length - 4) : -1;
        for (int i = 0; i < paras.length; i++) {
            if (i == drop) {
                continue;
            }
            String p = paras[i];
            if (p.length() > 200) {
                String[] sentences = p.split("(?<=[.!?]) ");
                if (sentences.length > 2) {
                    int a = rnd.nextInt(sentences.length);
                    int b = rnd.nextInt(sentences.length);
                    String t = sentences[a];
                    sentences[a] = sentences[b];
                    sentences[b] = t;
                    p = String.join(" ", sentences);
                }
                StringBuilder q = new StringBuilder(p.length());
                for (int c = 0; c < p.length(); c++) {
                    char ch = p.charAt(c);
                    q.append(Character.isDigit(ch) && rnd.nextInt(3) == 0 ? (char) ('0' + rnd.nextInt(10)) : ch);
                }
                p = q.toString();
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(p);
        }
        return out.toString();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
