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

    /**
     * {@link DocumentProcessor#processBodyAsBytes} gives what {@link DocumentProcessor#process} gives once its body is
     * left only as bytes ({@link Outcome.Accepted#bodyAsBytesOnly}), and those bytes are the body's: on every wcxb-dev
     * dump, and on 2,000 Tehran Times articles cleaned with the site profile learned from them (their chrome lines cut
     * before the blocks are, the path where no string of the whole text is made).
     */
    @Test
    void bodyAsBytesIsTheBodyOfProcess(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        List<RawDocument> docs = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(io.archivebatch.Corpus.wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f);
                docs.add(new RawDocument(f.toString(), null, text, text.length(), List.of()));
            }
        }
        int wcxb = docs.size();
        Path dir = tmp.resolve("tehran");
        io.archivebatch.TehranTimes.unpack(dir, 2000);
        io.archivebatch.core.clean.SiteLineCounter counter = new io.archivebatch.core.clean.SiteLineCounter(200_000);
        io.archivebatch.core.clean.TextNormalizer normalizer = new io.archivebatch.core.clean.TextNormalizer();
        for (io.archivebatch.core.ingest.InputFile f : io.archivebatch.core.ingest.InputScanner.textDumps().scan(List.of(dir))) {
            RawDocument d = new io.archivebatch.core.ingest.TextDumpReader().read(f);
            docs.add(d);
            counter.add(io.archivebatch.core.clean.SiteKeys.of(d.source(), d.url()), normalizer.normalize(d.text()));
        }
        CleaningConfig config = CleaningConfig.load(Path.of("jobs", "rules"), false).withProfiles(counter.profiles(0.3, 5, 10));
        DocumentProcessor processor = new DocumentProcessor(config);
        int accepted = 0;
        int stripped = 0;
        for (int i = 0; i < docs.size(); i++) {
            RawDocument doc = docs.get(i);
            Outcome whole = processor.process(doc);
            Outcome bytes = processor.processBodyAsBytes(doc);
            if (whole instanceof Outcome.Accepted w) {
                Outcome.Accepted b = (Outcome.Accepted) bytes;
                assertThat(b.article().body()).isNull();
                assertThat(b.article()).as(doc.source()).isEqualTo(w.bodyAsBytesOnly().article());
                assertThat(b.bodyUtf8()).as(doc.source()).isEqualTo(w.article().body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(b.body()).isEqualTo(w.article().body());
                accepted++;
                if (i >= wcxb && processor.trace(doc).profileLinesStripped() > 0) {
                    stripped++;
                }
            } else {
                assertThat(bytes).as(doc.source()).isEqualTo(whole);
            }
        }
        assertThat(accepted).isGreaterThan(650 + 1900);
        assertThat(stripped).isGreaterThan(1000);
    }
}
