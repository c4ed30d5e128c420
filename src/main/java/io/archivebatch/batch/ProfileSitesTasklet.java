package io.archivebatch.batch;

import io.archivebatch.core.clean.SiteKeys;
import io.archivebatch.core.clean.SiteLineCounter;
import io.archivebatch.core.clean.SiteProfiles;
import io.archivebatch.core.clean.TextNormalizer;
import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.RawDocument;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Step 2: learns the site profiles before cleaning. Counts the lines of the inputs per site (the first
 * {@value #SAMPLE_PER_SITE} of each site in the run's order, which bounds the cost of huge runs), adds the counts the
 * state already holds for those sites, stores the sum back (in this step's transaction), and snapshots the chrome
 * lines into {@code profile.tsv} in the staging folder: the process step reads that snapshot, so a restart cleans
 * with exactly the same profile.
 */
public class ProfileSitesTasklet implements Tasklet {

    static final double CHROME_SHARE = 0.3;
    static final long MIN_LINE_DOCS = 5;
    static final long MIN_SITE_DOCS = 10;
    /** Documents of one site read per run: a line in 30% of a site's pages shows in a sample of this size. */
    static final long SAMPLE_PER_SITE = 2000;

    private final SiteProfileStore store;
    private final RunLimits limits;
    private final int threads;
    private final TextNormalizer normalizer = new TextNormalizer();

    /**
     * @param limits      the process's limits, for a run that did not record its own ({@link RunLimits#of})
     * @param threads     threads that read text dumps, HTML pages and WARC files ahead (reading and parsing are most of
     *                    this step's time)
     */
    public ProfileSitesTasklet(SiteProfileStore store, RunLimits limits, int threads) {
        this.store = store;
        this.limits = limits;
        this.threads = Math.max(1, threads);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Map<String, Object> params = chunkContext.getStepContext().getJobParameters();
        if (RunRequest.CONVERT.equals(params.get(JobParams.COMMAND))) {
            return RepeatStatus.FINISHED; // nothing is cleaned: no profile to learn
        }
        RunLimits run = limits.of(params);
        long limitMillis = run.millisPerDocument();
        InputReaders readers = new InputReaders(run.maxDocumentBytes(),
                io.archivebatch.core.ingest.FieldMapping.parse((String) params.get(JobParams.FIELDS)));
        RunFolders folders = new RunFolders(Path.of((String) params.get(JobParams.OUTPUT)), (String) params.get(JobParams.RUN_NAME));
        SiteLineCounter counter = new SiteLineCounter(200_000);
        ReadCache cache = new ReadCache(folders.readCache());
        Map<String, Long> sampled = new java.util.HashMap<>();
        // text dumps, HTML pages and WARC files are read ahead on other threads, in batches, up to this many inputs
        // and bytes at a time; every input is still taken in the list's order, and a dump's sampling decision made
        // when its turn comes (a dump read ahead for a site that has meanwhile been sampled enough is dropped), so
        // the profile is the same
        int window = 4 * threads * ReadAhead.BATCH;
        long windowBytes = 4 * threads * ReadAhead.BATCH_BYTES;
        long pendingBytes = 0;
        java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();
        try (BufferedReader r = Files.newBufferedReader(folders.inputList(), StandardCharsets.UTF_8);
             io.archivebatch.core.pipeline.TimeLimit limit = new io.archivebatch.core.pipeline.TimeLimit(limitMillis);
             ReadAhead ahead = new ReadAhead(readers, cache, limitMillis, threads)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty()) {
                    continue;
                }
                String source = InputLists.source(line); // most lines of a large run are passed over: no full parse
                if (isTextDump(source) && saturated(source, sampled)) {
                    continue; // counts only grow: it would be passed over at its turn too
                }
                SelectedInput in = InputLists.parse(line);
                boolean readAhead = ReadCache.worthKeeping(in.file()) || isTextDump(in);
                pending.add(new Pending(in, readAhead ? ahead.submit(in.file()) : null));
                pendingBytes += readAhead ? Math.max(0, in.file().size()) : 0;
                while (pending.size() >= window || pendingBytes > windowBytes) {
                    pendingBytes -= count(pending.poll(), readers, ahead, limit, sampled, counter);
                }
            }
            while (!pending.isEmpty()) {
                count(pending.poll(), readers, ahead, limit, sampled, counter);
            }
        }
        store.loadInto(counter, new java.util.ArrayList<>(counter.sites().keySet()));
        store.save(counter);
        SiteProfiles profiles = counter.profiles(CHROME_SHARE, MIN_LINE_DOCS, MIN_SITE_DOCS);
        Path tmp = folders.profile().resolveSibling("profile.tsv.tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            profiles.write(w);
        }
        Files.move(tmp, folders.profile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        contribution.incrementWriteCount(profiles.sites());
        return RepeatStatus.FINISHED;
    }

    /** An input in the list's order; {@code read} is its read ahead (a dump, an HTML page, a WARC file) or null. */
    private record Pending(SelectedInput input, ReadAhead.Handle read) {
    }

    private static boolean isTextDump(SelectedInput in) {
        return isTextDump(in.file().source());
    }

    private static boolean isTextDump(String source) {
        return source.regionMatches(true, source.length() - 4, ".txt", 0, 4);
    }

    /** A dump's site is its folder: whether that site has been sampled enough already. */
    private static boolean saturated(SelectedInput in, Map<String, Long> sampled) {
        return saturated(in.file().source(), sampled);
    }

    private static boolean saturated(String source, Map<String, Long> sampled) {
        return sampled.getOrDefault(SiteKeys.of(source, null), 0L) >= SAMPLE_PER_SITE;
    }

    /**
     * Takes (or reads) one input's documents and counts the lines of the sampled ones.
     *
     * @return the input's bytes if it was read ahead (they leave the window), else 0
     */
    private long count(Pending p, InputReaders readers, ReadAhead ahead, io.archivebatch.core.pipeline.TimeLimit limit,
                       Map<String, Long> sampled, SiteLineCounter counter) throws IOException {
        SelectedInput in = p.input();
        long bytes = p.read() != null ? Math.max(0, in.file().size()) : 0;
        if (isTextDump(in) && saturated(in, sampled)) {
            return bytes; // a dump's site is its folder, already sampled enough
        }
        List<IngestItem> items;
        List<long[]> lines;
        if (p.read() != null) {
            ReadAhead.Read read = ahead.take(p.read());
            items = read.items();
            lines = read.lines();
        } else {
            items = LimitedReading.read(readers, in.file(), limit);
            lines = null;
        }
        for (int i = 0; i < items.size(); i++) {
            RawDocument doc = items.get(i).document();
            if (doc == null) {
                continue; // rejected again, with its reason, by the process step
            }
            String site = SiteKeys.of(doc.source(), doc.url());
            if (sampled.merge(site, 1L, Long::sum) <= SAMPLE_PER_SITE) {
                counter.add(site, lines != null ? lines.get(i) : SiteLineCounter.distinctLines(normalizer.normalize(doc.text())));
            }
        }
        return bytes;
    }
}
