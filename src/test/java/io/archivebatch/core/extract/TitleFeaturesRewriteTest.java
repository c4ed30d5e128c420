package io.archivebatch.core.extract;

import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headline features computed without splitting, joining or streaming the text are those the expressions,
 * joined keys and streams gave: capitalization (feature 2), a candidate's repetition among the header's blocks
 * (feature 5) and its digits (feature 14), on every candidate of the wcxb-dev dumps, and the capitalization on
 * made-up texts.
 */
class TitleFeaturesRewriteTest {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The capitalized share as it was: the text split on {@code \s+}. */
    private static double capitalizedBySplit(String t) {
        int caps = 0;
        int counted = 0;
        for (String w : SPACES.split(t)) {
            if (w.isEmpty() || !Character.isLetter(w.codePointAt(0))) {
                continue;
            }
            counted++;
            if (Character.isUpperCase(w.codePointAt(0))) {
                caps++;
            }
        }
        return counted == 0 ? 0 : (double) caps / counted;
    }

    @Test
    void featuresAsBeforeOnEveryCandidateOfTheRealPages() throws Exception {
        DocumentProcessor processor = new DocumentProcessor(CleaningConfig.builtinOnly());
        TitleExtractor titles = new TitleExtractor();
        int candidates = 0;
        int repeated = 0;
        try (var files = Files.list(io.archivebatch.Corpus.wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f);
                DocumentProcessor.Trace trace = processor.trace(new RawDocument(f.toString(), null, text, text.length(), List.of()));
                if (trace.clean() == null || trace.blocks().isEmpty()) {
                    continue;
                }
                DocumentView doc = new DocumentView(f.toString(), null, trace.blocks(), trace.clean());
                int end = doc.clean().regionEnd() >= 0 ? doc.clean().regionEnd() : Math.min(doc.size() - 1, 60);
                Map<String, Integer> joined = new HashMap<>();
                for (int i = 0; i <= end && i < doc.size(); i++) {
                    if (doc.text(i).length() <= 1000) {
                        joined.merge(String.join(" ", doc.blocks().get(i).words()), 1, Integer::sum);
                    }
                }
                for (TitleExtractor.Candidate c : titles.candidates(doc)) {
                    String t = doc.text(c.block());
                    double[] x = c.features();
                    String where = f.getFileName() + " block " + c.block();
                    assertThat(x[2]).as(where).isEqualTo(capitalizedBySplit(t));
                    double wasRepeated = joined.getOrDefault(String.join(" ", doc.blocks().get(c.block()).words()), 0) > 1 ? 1 : 0;
                    assertThat(x[5]).as(where).isEqualTo(wasRepeated);
                    assertThat(x[14]).as(where).isEqualTo(t.chars().anyMatch(Character::isDigit) ? 1.0 : 0.0);
                    candidates++;
                    repeated += wasRepeated > 0 ? 1 : 0;
                }
            }
        }
        assertThat(candidates).isGreaterThan(10_000);
        assertThat(repeated).isGreaterThan(100);
    }

    @Test
    void capitalizationAsTheSplitOnMadeUpTexts() {
        List<String> parts = List.of(" ", "\t", "\n", "\u000b", "\f", "\r", "\u00a0", "\u2003", "Word", "word", "É", "é",
                "1st", "(", "\ud835\udc00", "\ud835", "\udc00", "ǅ", "ß", "-A", "a-B");
        Random r = new Random(23);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(8); k >= 0; k--) {
                b.append(parts.get(r.nextInt(parts.size())));
            }
            String t = b.toString();
            assertThat(TitleExtractor.capitalizedShare(t)).as(t).isEqualTo(capitalizedBySplit(t));
        }
    }
}
