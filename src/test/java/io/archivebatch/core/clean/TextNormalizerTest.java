package io.archivebatch.core.clean;

import io.archivebatch.Corpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The normalizer keeps its work arrays per thread: one text's leftovers never reach the next one's result. */
class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void normalizes() {
        assertThat(normalizer.normalize("  One\t two  \r\n\r\n\r\n\u200Bthree\u00A0 \n")).isEqualTo("One two\n\nthree");
        assertThat(normalizer.normalize("Cafe\u0301")).isEqualTo("Caf\u00E9"); // NFC
        assertThat(normalizer.normalize("Investor\u00E2\u20AC\u2122s")).isEqualTo("Investor\u2019s"); // mojibake
        assertThat(normalizer.normalize("")).isEqualTo("");
    }

    @Test
    void aTextGivesTheSameOnAThreadThatNormalizedOthersBefore() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Corpus.wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().limit(120).toList()) {
                texts.add(Files.readString(f));
            }
        }
        texts.add("x".repeat(1_500_000) + "\n\n y \u0301"); // past what a thread keeps, and NFC after it
        texts.add("short\u0301 text");
        List<String> inOrder = new ArrayList<>(); // one thread, long and short texts one after another
        for (String t : texts) {
            inOrder.add(normalizer.normalize(t));
        }
        for (int i = 0; i < texts.size(); i++) { // each again on a new thread: work arrays of its own
            String t = texts.get(i);
            String[] fresh = new String[1];
            Thread thread = new Thread(() -> fresh[0] = normalizer.normalize(t));
            thread.start();
            thread.join();
            assertThat(fresh[0]).as("text %d", i).isEqualTo(inOrder.get(i));
        }
    }
}
