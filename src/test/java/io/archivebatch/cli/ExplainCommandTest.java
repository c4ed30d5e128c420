package io.archivebatch.cli;

import io.archivebatch.Corpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainCommandTest {

    @Test
    void explainsEveryBlockOfTheSeedWithItsReason() {
        CliRun r = CliRun.of("explain", Corpus.seedDump().toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out())
                .containsPattern("0 META .*Khalilzad Holds Talks")
                .containsPattern("1 META .*Last Updated On")
                .containsPattern("KEEP .*U\\.S\\. Special Representative")
                .containsPattern("DROP rule:site-name +builtin\\.rules:\\d+ .*About Ariana News")
                .containsPattern("DROP rule:related +builtin\\.rules:\\d+ .*Check Also")
                .contains("-> title: Khalilzad Holds Talks with Senior Pakistani Officials in Islamabad")
                .contains("updated: 2018-10-09");
        assertThat(CliRun.of("explain", "/no/such/file.txt").exit()).isEqualTo(2);
    }
}
