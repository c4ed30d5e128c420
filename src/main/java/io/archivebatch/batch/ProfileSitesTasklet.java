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
    private final long maxBytes;
    private final long limitMillis;
    private final TextNormalizer normalizer = new TextNormalizer();

    /**
     * @param maxBytes    the largest document read
     * @param limitMillis the per-document time limit (reading an input gets it per started megabyte)
     */
    public ProfileSitesTasklet(SiteProfileStore store, long maxBytes, long limitMillis) {
        this.store = store;
        this.maxBytes = maxBytes;
        this.limitMillis = limitMillis;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Map<String, Object> params = chunkContext.getStepContext().getJobParameters();
        if (RunRequest.CONVERT.equals(params.get(JobParams.COMMAND))) {
            return RepeatStatus.FINISHED; // nothing is cleaned: no profile to learn
        }
        InputReaders readers = new InputReaders(maxBytes,
                io.archivebatch.core.ingest.FieldMapping.parse((String) params.get(JobParams.FIELDS)));
        RunFolders folders = new RunFolders(Path.of((String) params.get(JobParams.OUTPUT)), (String) params.get(JobParams.RUN_NAME));
        SiteLineCounter counter = new SiteLineCounter(200_000);
        ReadCache cache = new ReadCache(folders.readCache());
        Map<String, Long> sampled = new java.util.HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(folders.inputList(), StandardCharsets.UTF_8);
             io.archivebatch.core.pipeline.TimeLimit limit = new io.archivebatch.core.pipeline.TimeLimit(limitMillis)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty()) {
                    continue;
                }
                SelectedInput in = InputLists.parse(line);
                boolean textDump = in.file().source().toLowerCase(java.util.Locale.ROOT).endsWith(".txt");
                if (textDump && sampled.getOrDefault(SiteKeys.of(in.file().source(), null), 0L) >= SAMPLE_PER_SITE) {
                    continue; // a dump's site is its folder, already sampled enough
                }
                List<IngestItem> items = LimitedReading.read(readers, in.file(), limit);
                if (ReadCache.worthKeeping(in.file())) {
                    cache.put(in.file(), items); // the process step takes them instead of parsing the page again
                }
                for (IngestItem item : items) {
                    RawDocument doc = item.document();
                    if (doc == null) {
                        continue; // rejected again, with its reason, by the process step
                    }
                    String site = SiteKeys.of(doc.source(), doc.url());
                    if (sampled.merge(site, 1L, Long::sum) <= SAMPLE_PER_SITE) {
                        counter.add(site, normalizer.normalize(doc.text()));
                    }
                }
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
}
