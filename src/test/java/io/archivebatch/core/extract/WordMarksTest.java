package io.archivebatch.core.extract;

import io.archivebatch.core.model.Block;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The title candidates' features are the same, bit for bit, whether the word overlaps are counted by word number
 * ({@link WordMarks}: the blocks share the document's vocabulary, as the cleaner makes them) or on sets of strings
 * (each block with a vocabulary of its own): on every page of the wcxb-dev dumps.
 */
class WordMarksTest {

    @Test
    void overlapsByWordNumberAsOnSetsOfStringsOnRealPages() throws Exception {
        DocumentProcessor processor = new DocumentProcessor(CleaningConfig.builtinOnly());
        TitleExtractor titles = new TitleExtractor();
        int pages = 0;
        int candidates = 0;
        int overlapping = 0;
        try (var files = Files.list(io.archivebatch.Corpus.wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f);
                DocumentProcessor.Trace trace = processor.trace(new RawDocument(f.toString(), null, text, text.length(), List.of()));
                if (trace.clean() == null || trace.blocks().isEmpty()) {
                    continue;
                }
                DocumentView shared = new DocumentView(f.toString(), null, trace.blocks(), trace.clean());
                List<Block> own = new ArrayList<>();
                for (Block b : trace.blocks()) {
                    own.add(new Block(b.index(), b.text())); // a vocabulary per block: the sets' way
                }
                DocumentView separate = new DocumentView(f.toString(), null, own, trace.clean());
                assertThat(WordMarks.of(shared.blocks())).isNotNull();
                assertThat(WordMarks.of(separate.blocks())).isNull();
                List<TitleExtractor.Candidate> byNumber = titles.candidates(shared);
                List<TitleExtractor.Candidate> bySet = titles.candidates(separate);
                assertThat(byNumber).hasSameSizeAs(bySet);
                for (int c = 0; c < bySet.size(); c++) {
                    assertThat(byNumber.get(c).block()).isEqualTo(bySet.get(c).block());
                    double[] a = byNumber.get(c).features();
                    double[] b = bySet.get(c).features();
                    for (int k = 0; k < b.length; k++) {
                        assertThat(Double.doubleToRawLongBits(a[k])).as("%s block %d feature %d", f.getFileName(),
                                bySet.get(c).block(), k).isEqualTo(Double.doubleToRawLongBits(b[k]));
                    }
                    overlapping += b[3] > 0 && b[4] > 0 && b[33] > 0 ? 1 : 0;
                }
                candidates += bySet.size();
                pages++;
            }
        }
        assertThat(pages).isGreaterThan(700);
        assertThat(candidates).isGreaterThan(5_000);
        assertThat(overlapping).isGreaterThan(500);
    }
}
