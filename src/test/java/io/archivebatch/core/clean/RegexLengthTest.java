package io.archivebatch.core.clean;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RegexLengthTest {

    private static final int U = RegexLength.UNBOUNDED;

    @Test
    void boundsLiteralsClassesGroupsAndQuantifiers() {
        assertThat(RegexLength.maxCodePoints("abc")).isEqualTo(3);
        assertThat(RegexLength.maxCodePoints("a|bcd|")).isEqualTo(3);
        assertThat(RegexLength.maxCodePoints("(ab){2,3}c?")).isEqualTo(7);
        assertThat(RegexLength.maxCodePoints(".{0,200}\\b(we use|cookies)\\b.{0,400}")).isEqualTo(607);
        assertThat(RegexLength.maxCodePoints("(?:x|yy)?z{2}")).isEqualTo(4);
        assertThat(RegexLength.maxCodePoints("\\Qa.b\\E[a-z&&[^q]]\\p{Lu}\\d\\.")).isEqualTo(7);
        assertThat(RegexLength.maxCodePoints("[]a][^]b]x")).isEqualTo(3);
        assertThat(RegexLength.maxCodePoints("(?i)(?<name>ab)(?=c)(?<!d)é😀")).isEqualTo(4);
        assertThat(RegexLength.maxCodePoints("\\d+ (shares?|comments?)")).isEqualTo(U);
        assertThat(RegexLength.maxCodePoints("(a)\\1")).isEqualTo(U);
        assertThat(RegexLength.maxCodePoints("(?x)a b")).isEqualTo(U);
        assertThat(RegexLength.maxCodePoints("a{2,}")).isEqualTo(U);
        assertThat(RegexLength.maxCodePoints("(a")).isEqualTo(U);
    }

    @Test
    void theBuiltInRulesNeverRejectABlockTheyMatch() throws Exception {
        String rules;
        try (var in = RegexLengthTest.class.getResourceAsStream("/io/archivebatch/core/builtin.rules")) {
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
            int max = RegexLength.maxCodePoints(regex);
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
