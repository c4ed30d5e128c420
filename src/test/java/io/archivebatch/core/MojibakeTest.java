package io.archivebatch.core;

import io.archivebatch.Corpus;
import io.archivebatch.core.clean.TextNormalizer;
import io.archivebatch.core.eval.Evaluator;
import io.archivebatch.core.ingest.HtmlReader;
import io.archivebatch.core.text.Mojibake;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MojibakeTest {

    private static String dump(String id) throws Exception {
        return Files.readString(Corpus.wcxbDev().resolve("dumps").resolve(id + ".txt"));
    }

    @Test
    void repairsUtf8ReadAsLatin1WithItsControlCharacters() throws Exception {
        String raw = dump("4656"); // "Investorâ" + U+0080 U+0099 + "s Guide" all through the page
        assertThat(raw).contains("Investor\u00e2\u0080\u0099s Guide");
        String fixed = Mojibake.repair(raw);
        assertThat(fixed).contains("A DIY Investor\u2019s Guide to Retirement Calculators")
                .doesNotContain("\u0080").doesNotContain("\u00e2\u0080");
        // the cleaner's normalizer repairs before it drops control characters, which would glue "Investorâs"
        assertThat(new TextNormalizer().normalize(raw)).contains("Investor\u2019s Guide");
    }

    @Test
    void repairsUtf8ReadAsWindows1252() throws Exception {
        String fixed = Mojibake.repair(dump("2362"));
        assertThat(fixed).contains("intelligence isn\u2019t just changing").doesNotContain("\u00e2\u20ac\u2122");
    }

    @Test
    void onceProvenDoubleEncodedTwoCharacterSequencesAreRepairedToo() throws Exception {
        String fixed = Mojibake.repair(dump("4861")); // a language menu: "EspaÃ±ol FranÃ§ais" and Hebrew
        assertThat(fixed).contains("Espa\u00f1ol").contains("Fran\u00e7ais").doesNotContain("Espa\u00c3\u00b1ol");
    }

    @Test
    void leavesTextThatQuotesMojibakeOnPurposeAndOrdinaryAccentsAlone() throws Exception {
        String page = dump("2498"); // a post about encodings: I saw "Ã¤" instead of "ä"
        assertThat(page).contains("\"\u00c3\u00a4\" instead of \"\u00e4\"");
        assertThat(Mojibake.repair(page)).isSameAs(page);
        String german = "\u201eDer Gru\u00df\u201c, sagte sie. Caf\u00e9 cr\u00e8me, na\u00efve, \u00dcbermut \u2013 ok.";
        assertThat(Mojibake.repair(german)).isSameAs(german);
    }

    @Test
    void theHtmlReaderRepairsTheTitleAndTheText() throws Exception {
        Path page = Evaluator.htmlPage(Corpus.wcxbDev().resolve("html"), "4656");
        var doc = HtmlReader.document(Evaluator.readPage(page), null, null);
        assertThat(doc.title()).startsWith("A DIY Investor\u2019s Guide");
        assertThat(doc.body().text()).contains("Investor\u2019s").doesNotContain("\u0080\u0099");
    }

    /**
     * {@link Mojibake#mayRepair} answers false only for text {@code repair} returns as it is (the same instance): on
     * every wcxb-dev dump, raw and normalized, and on short texts with and without the characters a repair starts at.
     */
    @Test
    void textThatCannotBeRepairedIsLeftAsItIs() throws Exception {
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("", "plain", "caf\u00e9",
                "Investor\u00e2\u0080\u0099s", "\u00c3\u00a4", "\u00c1\u00f5 outside the leads", "\u2019 quotes \u201c\u201d"));
        try (var files = Files.list(Corpus.wcxbDev().resolve("dumps"))) {
            for (Path f : files.sorted().toList()) {
                String raw = Files.readString(f);
                texts.add(raw);
                texts.add(new TextNormalizer().normalize(raw));
            }
        }
        int unchanged = 0;
        for (String t : texts) {
            char[] chars = (">" + t + "<").toCharArray();
            if (!Mojibake.mayRepair(chars, 1, chars.length - 1)) {
                assertThat(Mojibake.repair(t)).isSameAs(t);
                unchanged++;
            } else {
                assertThat(t.chars().anyMatch(c -> Mojibake.isLead((char) c))).isTrue();
            }
        }
        assertThat(unchanged).isGreaterThan(100);
    }
}
