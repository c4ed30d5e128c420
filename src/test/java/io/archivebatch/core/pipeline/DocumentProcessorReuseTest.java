package io.archivebatch.core.pipeline;

import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DocumentProcessor#process} keeps each thread's document vocabulary for the next document; {@link
 * DocumentProcessor#trace} makes a new one. The two give the same outcome for every wcxb-dev dump, taken one after
 * another on one processor (a word, number or table left over from the document before would change one).
 */
class DocumentProcessorReuseTest {

    @Test
    void processGivesEachDocumentTheOutcomeOfAFreshVocabulary() throws Exception {
        DocumentProcessor processor = new DocumentProcessor(CleaningConfig.builtinOnly());
        List<Path> dumps;
        try (Stream<Path> files = Files.list(io.archivebatch.Corpus.wcxbDev().resolve("dumps"))) {
            dumps = files.sorted().toList();
        }
        int accepted = 0;
        for (int round = 0; round < 2; round++) { // the second time round, every document follows another one
            for (int i = 0; i < dumps.size(); i++) {
                Path f = dumps.get(round == 0 ? i : dumps.size() - 1 - i);
                String text = Files.readString(f);
                RawDocument doc = new RawDocument(f.toString(), null, text, text.length(), List.of());
                Outcome reused = processor.process(doc);
                Outcome fresh = processor.trace(doc).outcome();
                assertThat(reused).as(f.toString()).isEqualTo(fresh);
                if (reused instanceof Outcome.Accepted a) {
                    assertThat(a.bodyUtf8()).isEqualTo(((Outcome.Accepted) fresh).bodyUtf8());
                    accepted++;
                }
            }
        }
        assertThat(accepted).isGreaterThan(2 * 650);
    }
}
