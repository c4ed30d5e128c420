package io.archivebatch.batch;

import io.archivebatch.core.output.RecordSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run whose part files were written in another record schema (started before an upgrade) is not merged. */
class MergeSchemaTest {

    @Test
    void partsOfAnOlderSchemaAreRefusedBeforeTheDatasetIsTouched(@TempDir Path out) throws Exception {
        JobExecution job = MetaDataInstanceFactory.createJobExecution("archive", 1L, 1L, new JobParametersBuilder()
                .addString(JobParams.OUTPUT, out.toString()).addString(JobParams.RUN_NAME, "run-old").toJobParameters());
        job.getExecutionContext().putLong("inputs.count", 3L); // prepared by a version that stored no schema: 1
        StepExecution merge = MetaDataInstanceFactory.createStepExecution(job, "merge", 2L);
        assertThatThrownBy(() -> new MergePartsTasklet().execute(new StepContribution(merge),
                new ChunkContext(new StepContext(merge))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("record schema 1")
                .hasMessageContaining("this one writes schema " + RecordSchema.VERSION);
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }
}
