package io.archivebatch.core.clean;

import io.archivebatch.Corpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The classifier's link feature answers as {@code find()} of the web and e-mail address patterns does. */
class LinkFeatureTest {

    private static final Pattern URL = Pattern.compile("https?://|www\\.");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]{1,63}(?:\\.[^\\s@.]{1,63}){0,8}\\.\\w{2,}");

    /** The definition: either pattern found anywhere in the text. */
    private static boolean reference(String t) {
        return URL.matcher(t).find() || EMAIL.matcher(t).find();
    }

    @Test
    void findsAddresses() {
        assertThat(BlockModel.hasLink("mail info@tehrantimes.com today")).isTrue();
        assertThat(BlockModel.hasLink("follow @TehranTimes79 on Twitter")).isFalse(); // a handle is no address
        assertThat(BlockModel.hasLink("see www.example.org")).isTrue();
        assertThat(BlockModel.hasLink("https://x")).isTrue();
        assertThat(BlockModel.hasLink("a @b.com")).isFalse(); // nothing before the "@"
        assertThat(BlockModel.hasLink("@@b.com x@@b.com")).isFalse();
        assertThat(BlockModel.hasLink("\ud83d\ude00@mail.co")).isTrue(); // an emoji before it
        assertThat(BlockModel.hasLink("a@b.c")).isFalse(); // a one-letter top-level domain
        assertThat(BlockModel.hasLink("")).isFalse();
    }

    @Test
    void sameAsThePatternsOnEveryWcxbDevBlockAndOnRandomText() throws Exception {
        List<String> texts = new ArrayList<>();
        Corpus.forEachWcxbDumpBlocks((f, blocks) -> blocks.forEach(b -> texts.add(b.text())));
        long with = texts.stream().filter(BlockModel::hasLink).count();
        assertThat(with).isGreaterThan(100).isLessThan(texts.size() - 500);
        String alphabet = "ab@. _-\t\n\u00A0\ud83d\ude00w:/htps";
        Random rnd = new Random(15);
        for (int k = 0; k < 300_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(24); i > 0; i--) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            if (rnd.nextInt(4) == 0) {
                sb.insert(rnd.nextInt(sb.length() + 1), List.of("x@y.org", "www.", "http://", "name@host", "@", ".io")
                        .get(rnd.nextInt(6)));
            }
            texts.add(sb.toString());
        }
        texts.add("a".repeat(70) + "@" + "b".repeat(70) + ".com");
        texts.add("x".repeat(100) + "@" + "b".repeat(63) + "." + "c".repeat(64) + ".org");
        texts.add("u@" + String.join(".", java.util.Collections.nCopies(10, "d")) + ".net");
        long found = 0;
        for (String t : texts) {
            boolean expected = reference(t);
            assertThat(BlockModel.hasLink(t)).as("[%s]", t).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).isGreaterThan(10_000);
    }
}
