package io.archivebatch.core;

import io.archivebatch.Corpus;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.TextDumpReader;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.Related;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md §1: the reference dump must yield exactly its expected record. */
class SeedRecordTest {

    @Test
    void seedDumpYieldsTheReferenceRecord() throws Exception {
        Path dump = Corpus.seedDump();
        JsonNode gold = JsonMapper.builder().build().readTree(Files.readString(Corpus.seedGold()));
        Outcome o = new DocumentProcessor(CleaningConfig.builtinOnly())
                .process(new TextDumpReader().read(new InputFile(dump, "seed.txt", Files.size(dump), 0)));
        assertThat(o).isInstanceOf(Outcome.Accepted.class);
        Article a = ((Outcome.Accepted) o).article();
        assertThat(a.title()).isEqualTo("Khalilzad Holds Talks with Senior Pakistani Officials in Islamabad");
        assertThat(a.updated()).isEqualTo("2018-10-09");
        assertThat(a.published()).isNull();
        assertThat(a.site()).isEqualTo("Ariana News");
        assertThat(a.body()).isEqualTo(gold.get("body").asString());
        assertThat(a.body().split("\n\n")).hasSize(9);
        assertThat(a.body()).startsWith("U.S. Special Representative").endsWith("negotiators for peace talks.");
        for (String chrome : new String[]{"About Ariana News", "Check Also", "Six Civilians Killed", "Last Updated On"}) {
            assertThat(a.body()).doesNotContain(chrome);
        }
        assertThat(a.related()).containsExactly(
                new Related("Six Civilians Killed in Irresponsible Armed Groups Gunfight in Takhar", null, "2019-05-21"));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.wordCount()).isGreaterThan(250);
    }
}
