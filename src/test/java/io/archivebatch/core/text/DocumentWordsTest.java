package io.archivebatch.core.text;

import io.archivebatch.core.model.Block;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document's words are the tokens {@link Tokens#words} gives, numbered as first met across its blocks, each with the
 * stopword mask of its word: on every block of the wcxb-dev dumps, on edge cases and on words of one hash.
 */
class DocumentWordsTest {

    @Test
    void tokensNumbersAndMasksAsTokensAndStopwordsGiveThemOnRealPages() throws Exception {
        int[] pages = {0};
        int[] tokens = {0};
        io.archivebatch.Corpus.forEachWcxbDumpBlocks((f, blocks) -> {
            Map<String, Integer> numbers = new HashMap<>();
            DocumentWords vocabulary = blocks.isEmpty() ? null : blocks.get(0).vocabulary();
            for (Block b : blocks) {
                assertThat(b.vocabulary()).isSameAs(vocabulary); // one per document, shared by its blocks
                List<String> expected = Tokens.words(b.text());
                assertThat(b.words()).as("%s block %d", f.getFileName(), b.index()).isEqualTo(expected);
                int[] ids = b.wordIds();
                for (int i = 0; i < ids.length; i++) {
                    Integer n = numbers.putIfAbsent(expected.get(i), numbers.size());
                    assertThat(ids[i]).isEqualTo(n == null ? numbers.size() - 1 : n);
                    assertThat(vocabulary.length(ids[i])).isEqualTo(expected.get(i).length());
                    assertThat(vocabulary.hash(ids[i])).isEqualTo(expected.get(i).hashCode());
                    assertThat(vocabulary.stopwordMask(ids[i])).isEqualTo(Stopwords.get().maskOf(expected.get(i)));
                    // the stopwords are known words, and a known word's string is the table's
                    int k = vocabulary.knownId(ids[i]);
                    assertThat(k >= 0).isEqualTo(Stopwords.get().maskOf(expected.get(i)) != 0);
                    if (k >= 0) {
                        assertThat(b.words().get(i)).isSameAs(KnownWords.stopwords().word(k));
                    }
                }
                tokens[0] += ids.length;
            }
            if (vocabulary != null) {
                assertThat(vocabulary.size()).isEqualTo(numbers.size());
                pages[0]++;
            }
        });
        assertThat(pages[0]).isGreaterThan(700);
        assertThat(tokens[0]).isGreaterThan(500_000);
    }

    @Test
    void edgeCasesTokenizeAsTheScanner() {
        DocumentWords v = new DocumentWords(0); // far too small: the tables and the pool grow
        List<String> texts = List.of("", "  ...  ", "The THE the", "İstanbul ISTANBUL istanbul",
                "Fig. 2: AB-12 \ud835\udc00x ok \ud83d\ude00 \ud835\udc00", "snake_case CamelCase 3.14 e\u0301t\u00e9",
                "unpaired \ud800 high and \udc00 low", "x".repeat(100) + " " + "Y".repeat(100), "Über ÜBER über",
                "МОСКВА Москва москва");
        for (String t : texts) {
            assertThat(v.words(v.tokenize(t))).as(t).isEqualTo(Tokens.words(t));
        }
        int[] the = v.tokenize("The THE the");
        assertThat(the[0]).isEqualTo(the[1]).isEqualTo(the[2]);
        assertThat(v.stopwordMask(the[0])).isEqualTo(Stopwords.get().maskOf("the")).isNotZero();
        int[] moscow = v.tokenize("МОСКВА москва");
        assertThat(moscow[0]).isEqualTo(moscow[1]);
    }

    @Test
    void wordsOfOneHashKeepTheirOwnNumbers() {
        // "aÿ" and "bà" hash alike (97 * 31 + 255 = 98 * 31 + 224), and so do their concatenations of one length
        List<String> same = new ArrayList<>();
        for (int m = 0; m < 1 << 6; m++) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 6; k++) {
                b.append((m >> k & 1) == 0 ? "a\u00ff" : "b\u00e0");
            }
            same.add(b.toString());
        }
        assertThat(same.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
        DocumentWords v = new DocumentWords(4);
        int[] first = v.tokenize(String.join(" ", same));
        List<String> reversed = new ArrayList<>(same);
        java.util.Collections.reverse(reversed);
        int[] again = v.tokenize(String.join(" ", reversed));
        for (int i = 0; i < same.size(); i++) {
            assertThat(first[i]).isEqualTo(i);
            assertThat(v.word(i)).isEqualTo(same.get(i));
            assertThat(again[i]).isEqualTo(same.size() - 1 - i);
        }
        assertThat(v.size()).isEqualTo(same.size());
    }

    @Test
    void aResetVocabularyNumbersTheNextDocumentAsANewOneWould() throws Exception {
        // one vocabulary emptied before each wcxb-dev document, and a document of 100,000 distinct words among them
        // (its tables are let go at the next reset): numbers, words, lengths, hashes, masks as a new one per document
        List<List<String>> documents = new ArrayList<>();
        io.archivebatch.Corpus.forEachWcxbDumpBlocks((f, blocks) -> documents.add(blocks.stream().map(Block::text).toList()));
        StringBuilder huge = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            huge.append("w").append(Integer.toString(i, 36)).append(i % 10 == 9 ? "\n\n" : " ");
        }
        documents.add(documents.size() / 2, List.of(huge.toString(), "the w1 w2 and the"));
        DocumentWords reused = new DocumentWords(16);
        for (List<String> texts : documents) {
            int chars = texts.stream().mapToInt(String::length).sum();
            DocumentWords fresh = new DocumentWords(chars);
            reused.reset(chars);
            for (String t : texts) {
                int[] expected = fresh.tokenize(t);
                assertThat(reused.tokenize(t)).isEqualTo(expected);
            }
            assertThat(reused.size()).isEqualTo(fresh.size());
            for (int id = 0; id < fresh.size(); id++) {
                assertThat(reused.word(id)).isEqualTo(fresh.word(id));
                assertThat(reused.length(id)).isEqualTo(fresh.length(id));
                assertThat(reused.hash(id)).isEqualTo(fresh.hash(id));
                assertThat(reused.stopwordMask(id)).isEqualTo(fresh.stopwordMask(id));
                assertThat(reused.knownId(id)).isEqualTo(fresh.knownId(id));
            }
        }
        assertThat(documents.size()).isGreaterThan(700);
    }
}
