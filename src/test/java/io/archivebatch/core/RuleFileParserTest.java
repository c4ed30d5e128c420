package io.archivebatch.core;

import io.archivebatch.core.clean.RuleFileParser;
import io.archivebatch.core.clean.RuleKind;
import io.archivebatch.core.clean.RuleSet;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleFileParserTest {

    private final RuleFileParser parser = new RuleFileParser();

    @Test
    void parsesSelectorsAndRules() throws Exception {
        RuleSet set = parser.parse("ariana.rules", new StringReader("""
                # Ariana News chrome
                site: Ariana News
                host: ariananews.af
                drop: Share on (Facebook|Twitter)
                related: Check Also
                """));
        assertThat(set.isGlobal()).isFalse();
        assertThat(set.appliesTo("x.txt", "www.ariananews.af", null)).isTrue();
        assertThat(set.appliesTo("x.txt", null, "ariana news")).isTrue();
        assertThat(set.appliesTo("x.txt", "example.com", "Other")).isFalse();
        assertThat(set.rulesOf(RuleKind.DROP)).singleElement().satisfies(r -> {
            assertThat(r.matches("share on twitter")).isTrue();
            assertThat(r.matches("Share on Twitter and more")).isFalse();
            assertThat(r.origin()).isEqualTo("ariana.rules:4");
        });
    }

    @Test
    void reportsTheFileAndLineOfAMistake() {
        assertThatThrownBy(() -> parser.parse("bad.rules", new StringReader("drop: ok\nkeep: this\n")))
                .hasMessageContaining("bad.rules:2").hasMessageContaining("unknown keyword 'keep'");
        assertThatThrownBy(() -> parser.parse("bad.rules", new StringReader("drop: (unclosed\n")))
                .hasMessageContaining("bad.rules:1").hasMessageContaining("bad regular expression");
    }

    @Test
    void builtinRulesKnowCommonChrome() {
        RuleSet builtin = parser.builtin();
        assertThat(match(builtin, "Check Also")).isEqualTo(RuleKind.RELATED);
        assertThat(match(builtin, "About Ariana News")).isEqualTo(RuleKind.SITE_NAME);
        assertThat(match(builtin, "Skip to content")).isEqualTo(RuleKind.DROP);
        assertThat(match(builtin, "We use cookies to improve your experience. By continuing you accept our cookie policy.")).isEqualTo(RuleKind.DROP);
        assertThat(match(builtin, "Leave a Reply")).isEqualTo(RuleKind.END);
        assertThat(match(builtin, "The minister said the talks would resume on Monday.")).isNull();
    }

    private static RuleKind match(RuleSet set, String text) {
        return set.rules().stream().filter(r -> r.matches(text)).map(r -> r.kind()).findFirst().orElse(null);
    }
}
