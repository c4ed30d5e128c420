package io.archivebatch.core.clean;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RegexFactsTest {

    private static final int U = RegexFacts.UNBOUNDED;

    @Test
    void boundsLiteralsClassesGroupsAndQuantifiers() {
        assertThat(RegexFacts.maxCodePoints("abc")).isEqualTo(3);
        assertThat(RegexFacts.maxCodePoints("a|bcd|")).isEqualTo(3);
        assertThat(RegexFacts.maxCodePoints("(ab){2,3}c?")).isEqualTo(7);
        assertThat(RegexFacts.maxCodePoints(".{0,200}\\b(we use|cookies)\\b.{0,400}")).isEqualTo(607);
        assertThat(RegexFacts.maxCodePoints("(?:x|yy)?z{2}")).isEqualTo(4);
        assertThat(RegexFacts.maxCodePoints("\\Qa.b\\E[a-z&&[^q]]\\p{Lu}\\d\\.")).isEqualTo(7);
        assertThat(RegexFacts.maxCodePoints("[]a][^]b]x")).isEqualTo(3);
        assertThat(RegexFacts.maxCodePoints("(?i)(?<name>ab)(?=c)(?<!d)é😀")).isEqualTo(4);
        assertThat(RegexFacts.maxCodePoints("\\d+ (shares?|comments?)")).isEqualTo(U);
        assertThat(RegexFacts.maxCodePoints("(a)\\1")).isEqualTo(U);
        assertThat(RegexFacts.maxCodePoints("(?x)a b")).isEqualTo(U);
        assertThat(RegexFacts.maxCodePoints("a{2,}")).isEqualTo(U);
        assertThat(RegexFacts.maxCodePoints("(a")).isEqualTo(U);
    }

    @Test
    void theBuiltInRulesNeverRejectABlockTheyMatch() throws Exception {
        String rules;
        try (var in = RegexFactsTest.class.getResourceAsStream("/io/archivebatch/core/builtin.rules")) {
            rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int bounded = 0;
        Random rnd = new Random(7);
        for (String line : rules.split("\n")) {
            int colon = line.indexOf(": ");
            if (line.isBlank() || line.startsWith("#") || colon < 0) {
                continue;
            }
            String regex = line.substring(colon + 2).strip();
            int max = RegexFacts.maxCodePoints(regex);
            if (max == U) {
                continue;
            }
            bounded++;
            // texts the rule matches, grown by padding its .{0,n} parts: none is longer than the bound
            Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
                    | Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
            for (int k = 0; k < 50; k++) {
                String text = longestSample(regex, rnd);
                if (text != null && p.matcher(text).matches()) {
                    assertThat(text.codePointCount(0, text.length())).as(regex).isLessThanOrEqualTo(max);
                }
            }
        }
        assertThat(bounded).isGreaterThan(10);
    }

    @Test
    void findsTheLiteralsEveryMatchHolds() {
        assertThat(RegexFacts.requiredLiterals(".{0,200}\\b(we use cookies|uses cookies|cookie policy)\\b.{0,400}"))
                .containsExactly("we use cookies", "uses cookies", "cookie policy");
        // the longest sure literal of a sequence; optional and repeated characters end a literal
        assertThat(RegexFacts.requiredLiterals(".{0,80}(subscribe to (our|the) newsletter|newsletter sign-?up).{0,300}"))
                .containsExactly("subscribe to ", "newsletter sign");
        assertThat(RegexFacts.requiredLiterals("x+yz")).containsExactly("yz");
        assertThat(RegexFacts.requiredLiterals("(ab)?cd|ef")).containsExactly("cd", "ef");
        // folded as the case-insensitive engine compares: per code point, toLowerCase(toUpperCase(c))
        assertThat(RegexFacts.requiredLiterals(".*ALL Rights")).containsExactly("all rights");
        assertThat(RegexFacts.fold("Tous Droits Réservés ſ \u212A")).isEqualTo("tous droits réservés s k");
        assertThat(RegexFacts.fold("all lower")).isSameAs("all lower");
        assertThat(RegexFacts.fold("A \uD801\uDC00 B")).isEqualTo("a \uD801\uDC28 b"); // Deseret, outside the BMP
        for (int c = 0; c < 0x10000; c++) { // the ASCII shortcut and the char path against the code point mapping
            if (!Character.isSurrogate((char) c)) {
                String one = String.valueOf((char) c);
                assertThat(RegexFacts.fold(one)).as("U+%04X", c)
                        .isEqualTo(new StringBuilder().appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))).toString());
            }
        }
        // nothing sure: an alternative without a literal, an optional group, unknown syntax
        assertThat(RegexFacts.requiredLiterals("(a|\\d+)")).isEmpty();
        assertThat(RegexFacts.requiredLiterals("(abc)?")).isEmpty();
        assertThat(RegexFacts.requiredLiterals("(abc)\\1")).isEmpty();
        assertThat(RegexFacts.requiredLiterals("(?x)a b")).isEmpty();
        assertThat(RegexFacts.requiredLiterals("a|")).isEmpty();
    }

    @Test
    void findsTheCharactersEveryMatchBeginsWith() {
        FirstChars share = RegexFacts.firstChars("(share|tweet|pin it)( ?[|,] ?(share|tweet))*:?");
        assertThat(share.isAny()).isFalse();
        assertThat(begins(share, "Share")).isTrue();
        assertThat(begins(share, "tweet")).isTrue();
        assertThat(begins(share, "Pin it")).isTrue();
        assertThat(begins(share, "A share price")).isFalse();
        assertThat(begins(share, "|")).isFalse();
        // optional atoms and zero-width assertions let the next atom begin the match; escaped punctuation is itself
        FirstChars copyright = RegexFacts.firstChars("(?:copyright )?(?:©|\\(c\\)|copyright) ?\\b(?=x)x");
        assertThat(begins(copyright, "© 2024")).isTrue();
        assertThat(begins(copyright, "(c) 2024")).isTrue();
        assertThat(begins(copyright, "COPYRIGHT")).isTrue();
        assertThat(begins(copyright, "x")).isFalse();
        assertThat(begins(RegexFacts.firstChars("(a)?\\bb"), "B")).isTrue();
        assertThat(begins(RegexFacts.firstChars("(?i)(a)?\\bb"), "c")).isFalse();
        // folded as the engine folds: the long s and the Kelvin sign begin "s..." and "k..." matches
        assertThat(begins(RegexFacts.firstChars("(share|kelvin)"), "ſhare")).isTrue();
        assertThat(begins(RegexFacts.firstChars("(share|kelvin)"), "\u212Aelvin")).isTrue();
        assertThat(begins(RegexFacts.firstChars("(é|😀)x"), "Éx")).isTrue();
        assertThat(begins(RegexFacts.firstChars("(é|😀)x"), "😀x")).isTrue();
        assertThat(begins(RegexFacts.firstChars("(é|😀)x"), "😁x")).isFalse();
        // nothing known: a class, a dot, an escape class, a possibly empty match, unknown syntax
        // \d: a digit of any script, as UNICODE_CHARACTER_CLASS has it
        FirstChars comments = RegexFacts.firstChars("(leave a reply|\\d+ comments?|one comment)");
        assertThat(begins(comments, "12 comments")).isTrue();
        assertThat(begins(comments, "١٢ comments")).isTrue();
        assertThat(begins(comments, "Leave")).isTrue();
        assertThat(begins(comments, "One")).isTrue();
        assertThat(begins(comments, "Two")).isFalse();
        for (String any : new String[]{"[ab]c", ".{0,9}ab", "\\w+ shares?", "\\p{Lu}x", "(ab)?", "a*", "a|",
                "(a)\\1", "(?x)a b", "(a"}) {
            assertThat(RegexFacts.firstChars(any).isAny()).as(any).isTrue();
        }
    }

    private static boolean begins(FirstChars f, String text) {
        int cp = text.codePointAt(0);
        return f.mayBegin(cp, RegexFacts.foldCodePoint(cp));
    }

    /**
     * On real text (every block of the wcxb-dev dumps, normalized, read once): each built-in rule matches exactly the
     * blocks it matches without its first-character and literal checks, so the checks only save time; and the
     * first-character check turns down most of the blocks tried by the rules it applies to.
     */
    @Test
    void theFirstCharacterAndLiteralChecksNeverTurnDownABlockARuleMatches() throws Exception {
        java.util.List<String> blocks = realBlocks();
        int withFirst = 0;
        int withLiterals = 0;
        long tried = 0;
        long turnedDown = 0;
        int matchedWithFirst = 0;
        int matchedWithLiterals = 0;
        for (Rule r : io.archivebatch.core.pipeline.CleaningConfig.builtinOnly().builtin().rules()) {
            boolean first = !r.first().isAny();
            boolean literals = !r.literals().isEmpty();
            withFirst += first ? 1 : 0;
            withLiterals += literals ? 1 : 0;
            for (String b : blocks) {
                boolean plain = r.pattern().matcher(b).matches();
                assertThat(r.matches(b, b.codePointCount(0, b.length()), Rule.fold(b))).as(r.origin() + ": " + b).isEqualTo(plain);
                if (first) {
                    tried++;
                    turnedDown += r.mayBegin(b) ? 0 : 1;
                    matchedWithFirst += plain ? 1 : 0;
                }
                matchedWithLiterals += literals && plain ? 1 : 0;
            }
        }
        assertThat(withFirst).isGreaterThanOrEqualTo(15);
        assertThat(matchedWithFirst).isGreaterThan(1000);
        assertThat(turnedDown).isGreaterThan(tried * 3 / 4);
        assertThat(withLiterals).isGreaterThanOrEqualTo(5);
        assertThat(matchedWithLiterals).isGreaterThan(500);
    }

    private static java.util.List<String> realBlocks() throws java.io.IOException {
        java.util.List<String> blocks = new java.util.ArrayList<>();
        TextNormalizer normalizer = new TextNormalizer();
        try (var files = java.nio.file.Files.list(io.archivebatch.Corpus.wcxbDev().resolve("dumps"))) {
            for (java.nio.file.Path f : files.sorted().toList()) {
                for (String b : normalizer.normalize(java.nio.file.Files.readString(f)).split("\n\n")) {
                    if (b.length() <= 2000) {
                        blocks.add(b);
                    }
                }
            }
        }
        assertThat(blocks).hasSizeGreaterThan(100_000);
        return blocks;
    }

    /** A text for the rule: each ".{0,n}" filled with n letters, the first branch of each group taken. */
    private static String longestSample(String regex, Random rnd) {
        Matcher m = Pattern.compile("\\.\\{0,(\\d+)\\}").matcher(regex);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, "a".repeat(rnd.nextInt(Integer.parseInt(m.group(1)) + 1)));
        }
        m.appendTail(sb);
        String s = sb.toString().replaceAll("\\\\b|\\(\\?:|[()?:]", "").replaceAll("\\|[^|]*", "");
        return s.matches("[\\p{L} a]+") ? s : null;
    }
}
