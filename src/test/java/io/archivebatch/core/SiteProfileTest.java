package io.archivebatch.core;

import io.archivebatch.TehranTimes;
import io.archivebatch.core.clean.SiteKeys;
import io.archivebatch.core.clean.SiteLineCounter;
import io.archivebatch.core.clean.SiteProfiles;
import io.archivebatch.core.clean.TextNormalizer;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputScanner;
import io.archivebatch.core.ingest.TextDumpReader;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Same-site learning on 2,000 real Tehran Times articles: lines and line endings in more than 30% of the site's
 * documents (the licence footer, on its own line or glued to the last paragraph) are gone from the bodies, and the
 * body words are kept.
 */
class SiteProfileTest {

    @Test
    void recurringSiteLinesLeaveTheBodiesAndTheBodyWordsStay(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("tehran");
        TehranTimes.unpack(dir, 2000);
        TextDumpReader reader = new TextDumpReader();
        TextNormalizer normalizer = new TextNormalizer();
        List<InputFile> files = InputScanner.textDumps().scan(List.of(dir));
        SiteLineCounter counter = new SiteLineCounter(200_000);
        Map<String, RawDocument> docs = new HashMap<>();
        for (InputFile f : files) {
            RawDocument d = reader.read(f);
            docs.put(f.source(), d);
            counter.add(SiteKeys.of(d.source(), d.url()), normalizer.normalize(d.text()));
        }
        SiteProfiles profiles = counter.profiles(0.3, 5, 10);
        String site = SiteKeys.of(files.get(0).source(), null);
        Set<Long> frequent = profiles.of(site);
        assertThat(frequent).isNotEmpty();

        DocumentProcessor plain = new DocumentProcessor(CleaningConfig.builtinOnly());
        DocumentProcessor learned = new DocumentProcessor(CleaningConfig.builtinOnly().withProfiles(profiles));
        int inputsWithChrome = 0;
        int before = 0;
        int after = 0;
        long wordsBefore = 0;
        long wordsAfter = 0;
        for (RawDocument d : docs.values()) {
            if (carries(normalizer.normalize(d.text()), frequent)) {
                inputsWithChrome++;
            }
            Outcome a = plain.process(d);
            Outcome b = learned.process(d);
            if (a instanceof Outcome.Accepted x) {
                before += carries(x.article().body(), frequent) ? 1 : 0;
                wordsBefore += x.article().wordCount();
            }
            if (b instanceof Outcome.Accepted y) {
                after += carries(y.article().body(), frequent) ? 1 : 0;
                wordsAfter += y.article().wordCount();
            }
        }
        System.out.printf("site profile on %d Tehran Times documents: %d chrome lines; inputs carrying one: %d; "
                        + "bodies carrying one: %d without profiles, %d with; body words %d -> %d (%.1f%%)%n",
                docs.size(), frequent.size(), inputsWithChrome, before, after, wordsBefore, wordsAfter,
                100.0 * wordsAfter / wordsBefore);
        assertThat(before).isGreaterThan(docs.size() / 2);
        assertThat(after).isLessThanOrEqualTo(docs.size() / 100);
        assertThat((double) wordsAfter / wordsBefore).isGreaterThan(0.90);
    }

    /** Whether a line of the text, or the tail of one, is a line that recurs across the site. */
    private static boolean carries(String text, Set<Long> frequent) {
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.equals(SiteProfiles.strip(l, frequent))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lines a profile removes leave one blank line between the paragraphs around them, none before the first or
     * after the last, and a footer glued to a paragraph is cut from it.
     */
    @Test
    void removedLinesLeaveNormalizedText() {
        String footer = "All rights reserved by the Tehran Times";
        Set<Long> chrome = Set.of(SiteProfiles.hash("Share this story"), SiteProfiles.hash("Follow us on Twitter"),
                SiteProfiles.hash(footer));
        String source = "/dumps/tehran/one.txt";
        SiteProfiles profiles = new SiteProfiles(Map.of(SiteKeys.of(source, null), chrome));
        DocumentProcessor p = new DocumentProcessor(CleaningConfig.builtinOnly().withProfiles(profiles));
        String text = "Share this story\n\nTehran rail line opens to the public after six years of building work "
                + "by the city.\n\nFollow us on Twitter\n\n\nThe line links the airport with the centre of the city "
                + "in about forty minutes. " + footer + "\n\nShare this story\n";
        DocumentProcessor.Analysis a = p.analyze(new RawDocument(source, null, text, text.length(), List.of()));
        assertThat(a.profileLinesStripped()).isEqualTo(4);
        assertThat(a.blocks()).extracting(b -> b.text()).containsExactly(
                "Tehran rail line opens to the public after six years of building work by the city.",
                "The line links the airport with the centre of the city in about forty minutes.");
    }
    /**
     * The line hashes a document adds to its site's counts, found in one pass over its text (by the profile step's
     * read-ahead threads), are those of every line and line tail as a set of strings gives them: every wcxb-dev page
     * and 2,000 Tehran Times articles, plus texts without lines, with blank and one-character lines and a long line.
     */
    @Test
    void distinctLinesAreTheHashesOfEveryLineAndTailOnce(@TempDir Path tmp) throws Exception {
        TextNormalizer normalizer = new TextNormalizer();
        List<String> texts = new java.util.ArrayList<>(List.of("", "\n", "a", "ab", "a\n\nb\nCd Ef\n",
                "x ".repeat(300) + "Tail End Here\nShare This\nShare This\n"));
        TextDumpReader reader = new TextDumpReader();
        for (InputFile f : InputScanner.textDumps().scan(List.of(io.archivebatch.Corpus.wcxbDev().resolve("dumps")))) {
            texts.add(normalizer.normalize(java.nio.file.Files.readString(f.path())));
        }
        Path dir = tmp.resolve("tehran");
        TehranTimes.unpack(dir, 2000);
        for (InputFile f : InputScanner.textDumps().scan(List.of(dir))) {
            texts.add(normalizer.normalize(reader.read(f).text()));
        }
        assertThat(texts).hasSizeGreaterThan(2_700);
        long hashes = 0;
        for (String t : texts) {
            java.util.TreeSet<Long> expected = new java.util.TreeSet<>();
            for (String line : t.split("\n")) { // the lines the counter counted, as a set of strings
                if (line.length() < 2) {
                    continue;
                }
                for (int start : SiteProfiles.suffixStarts(line)) {
                    expected.add(SiteProfiles.hash(line, start));
                }
            }
            long[] got = SiteLineCounter.distinctLines(t);
            assertThat(got).as(t).containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
            hashes += got.length;
        }
        assertThat(hashes).isGreaterThan(100_000);
    }
}
