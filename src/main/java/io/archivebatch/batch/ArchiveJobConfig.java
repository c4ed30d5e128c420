package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.TextDumpReader;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The job {@code archive}: prepare the selected inputs → learn site profiles → process them in partitions (in
 * parallel, each restartable; chunks of read, clean, extract, write) → merge the parts → publish.
 * Wiring only; all cleaning logic lives in {@code core}.
 */
@Configuration
public class ArchiveJobConfig {

    public static final String JOB = "archive";
    public static final String PROCESS_STEP = "process";
    public static final String PARTITION_STEP = "processPartition";
    public static final String MERGE_STEP = "merge";

    @Bean
    public StateSchema stateSchema(DataSource dataSource) {
        return new StateSchema(dataSource);
    }

    @Bean
    public Ledger ledger(DataSource dataSource) {
        return new Ledger(dataSource);
    }

    @Bean
    public CurrentExecution currentExecution() {
        return new CurrentExecution();
    }

    @Bean
    public Job archiveJob(JobRepository repository, Step prepareStep, Step profileStep, Step processStep, Step mergeStep,
                          Step publishStep, CurrentExecution current) {
        return new JobBuilder(JOB, repository)
                .listener(current)
                .listener(new RootCauseListener())
                .start(prepareStep)
                .next(profileStep)
                .next(processStep)
                .next(mergeStep)
                .next(publishStep)
                .build();
    }

    @Bean
    public Step prepareStep(JobRepository repository, PlatformTransactionManager tx) {
        return new StepBuilder("prepare", repository)
                .tasklet(new PrepareInputsTasklet(), tx)
                .build();
    }

    @Bean
    public SiteProfileStore siteProfileStore(DataSource dataSource) {
        return new SiteProfileStore(dataSource);
    }

    /** This process's limits (its command line): those of the runs it starts, not of the runs it resumes. */
    @Bean
    public RunLimits processLimits(@Value("${archive-batch.max-document-bytes:20971520}") long maxBytes,
                                   @Value("${archive-batch.max-seconds-per-document:30}") int maxSeconds) {
        return new RunLimits(maxBytes, maxSeconds);
    }

    @Bean
    public Step profileStep(JobRepository repository, PlatformTransactionManager tx, SiteProfileStore store,
                            RunLimits processLimits, @Value("${archive-batch.threads:0}") int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new StepBuilder("profile", repository)
                .tasklet(new ProfileSitesTasklet(store, processLimits, n), tx)
                .build();
    }

    /** The documents processed in this run, over all partitions (fault injection for restart tests). */
    @Bean
    public java.util.concurrent.atomic.AtomicLong processedDocuments() {
        return new java.util.concurrent.atomic.AtomicLong();
    }

    @Bean
    public Step processStep(JobRepository repository, Step processPartitionStep, InputRangePartitioner partitioner,
                            @Value("${archive-batch.threads:0}") int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("archive-batch-");
        executor.setConcurrencyLimit(n);
        return new StepBuilder(PROCESS_STEP, repository)
                .partitioner(PARTITION_STEP, partitioner)
                .step(processPartitionStep)
                .taskExecutor(executor)
                .gridSize(InputRangePartitioner.MAX_PARTITIONS)
                .build();
    }

    @Bean
    @StepScope
    public InputRangePartitioner partitioner(@Value("#{jobExecutionContext['inputs.count']}") Long inputs,
                                             @Value("#{jobParameters['output']}") String output,
                                             @Value("#{jobParameters['run_name']}") String runName) {
        return new InputRangePartitioner(inputs == null ? 0 : inputs, new RunFolders(Path.of(output), runName).inputList());
    }

    @Bean
    public Step processPartitionStep(JobRepository repository, PlatformTransactionManager tx,
                                     InputListItemReader inputReader, DocumentItemProcessor documentProcessor,
                                     DatasetItemWriter datasetWriter, ProgressListener progress,
                                     @Value("${archive-batch.chunk-size:1000}") int chunkSize) {
        return new StepBuilder(PARTITION_STEP, repository)
                .<InputFile, java.util.List<Outcome>>chunk(chunkSize)
                .transactionManager(tx)
                .reader(inputReader)
                .processor(documentProcessor)
                .writer(datasetWriter)
                .listener(progress)
                .build();
    }

    @Bean
    public Step mergeStep(JobRepository repository, PlatformTransactionManager tx) {
        return new StepBuilder(MERGE_STEP, repository)
                .tasklet(new MergePartsTasklet(), tx)
                .build();
    }

    @Bean
    public Step publishStep(JobRepository repository, PlatformTransactionManager tx, Ledger ledger) {
        return new StepBuilder("publish", repository)
                .tasklet(new PublishTasklet(repository, ledger), tx)
                .build();
    }

    @Bean
    @StepScope
    public InputListItemReader inputReader(@Value("#{jobParameters['output']}") String output,
                                           @Value("#{jobParameters['run_name']}") String runName,
                                           @Value("#{stepExecutionContext['from']}") Long from,
                                           @Value("#{stepExecutionContext['to']}") Long to,
                                           @Value("#{stepExecutionContext['" + InputRangePartitioner.FROM_OFFSET + "']}") Long fromOffset) {
        return new InputListItemReader(new RunFolders(Path.of(output), runName).inputList(), from, to, fromOffset);
    }

    @Bean
    @StepScope
    public DocumentItemProcessor documentProcessor(@Value("#{jobParameters['rules']}") String rules,
                                                   @Value("#{jobParameters['command']}") String command,
                                                   @Value("#{jobParameters['output']}") String output,
                                                   @Value("#{jobParameters['run_name']}") String runName,
                                                   @Value("${archive-batch.test.fail-after:0}") long failAfter,
                                                   @Value("#{jobParameters}") java.util.Map<String, Object> jobParameters,
                                                   RunLimits processLimits,
                                                   @Value("#{jobParameters['fields']}") String fields,
                                                   java.util.concurrent.atomic.AtomicLong processedDocuments)
            throws IOException {
        java.util.function.Function<io.archivebatch.core.model.RawDocument, io.archivebatch.core.model.Outcome> clean;
        if (RunRequest.CONVERT.equals(command)) {
            clean = new io.archivebatch.core.pipeline.PassThroughProcessor(); // no rules, models or profiles needed
        } else {
            CleaningConfig config = rules == null || rules.isEmpty()
                    ? CleaningConfig.builtinOnly()
                    : CleaningConfig.load(Path.of(rules), true);
            Path profile = new RunFolders(Path.of(output), runName).profile();
            if (java.nio.file.Files.exists(profile)) {
                try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(profile)) {
                    config = config.withProfiles(io.archivebatch.core.clean.SiteProfiles.read(r));
                }
            }
            clean = new DocumentProcessor(config)::processBodyAsBytes;
        }
        RunLimits limits = processLimits.of(jobParameters);
        return new DocumentItemProcessor(new io.archivebatch.core.ingest.InputReaders(limits.maxDocumentBytes(),
                io.archivebatch.core.ingest.FieldMapping.parse(fields)), clean,
                failAfter, processedDocuments, limits.millisPerDocument())
                .withReadCache(new ReadCache(new RunFolders(Path.of(output), runName).readCache()));
    }

    @Bean
    @StepScope
    public DatasetItemWriter datasetWriter(@Value("#{jobParameters['output']}") String output,
                                           @Value("#{jobParameters['run_name']}") String runName,
                                           @Value("#{stepExecutionContext['part']}") Integer part) {
        return new DatasetItemWriter(new RunFolders(Path.of(output), runName).part(part));
    }

    @Bean
    public ProgressListener progressListener(@Value("${archive-batch.progress:true}") boolean enabled) {
        return new ProgressListener(enabled);
    }
}
