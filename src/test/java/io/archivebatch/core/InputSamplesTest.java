package io.archivebatch.core;

import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputScanner;
import io.archivebatch.core.ingest.TextDumpReader;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.Related;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample dumps under input/ (other sites' chrome, English and German) with the job's site rules. */
class InputSamplesTest {

    private final Map<String, Article> bySite = new HashMap<>();

    InputSamplesTest() throws Exception {
        DocumentProcessor p = new DocumentProcessor(CleaningConfig.load(Path.of("jobs/rules"), true));
        TextDumpReader reader = new TextDumpReader();
        for (InputFile f : InputScanner.textDumps().scan(List.of(Path.of("input")))) {
            Outcome o = p.process(reader.read(f));
            assertThat(o).as(f.source()).isInstanceOf(Outcome.Accepted.class);
            bySite.put(f.source().split("/")[1], ((Outcome.Accepted) o).article());
        }
    }

    @Test
    void wordpressStyleLocalNews() {
        Article a = bySite.get("harbor-gazette");
        assertThat(a.title()).isEqualTo("Island ferry adds early sailing as commuter numbers climb");
        assertThat(a.author()).isEqualTo("Maria Jensen");
        assertThat(a.published()).isEqualTo("2024-03-14");
        assertThat(a.site()).isEqualTo("Harbor Gazette");
        assertThat(a.body()).startsWith("The county ferry service will add").endsWith("needs a permanent change.")
                .doesNotContain("cookie").doesNotContain("Share this").doesNotContain("Leave a Reply")
                .doesNotContain("Council approves");
        assertThat(a.body().split("\n\n")).hasSize(5);
        assertThat(a.related()).containsExactly(
                new Related("Council approves new parking rules for the ferry terminal", "2024-03-02", null),
                new Related("Pine Island school board delays vote on bus contract", "2024-02-27", null));
    }

    @Test
    void germanNewsWithSiteRules() {
        Article a = bySite.get("tageblatt-nord");
        assertThat(a.title()).isEqualTo("Neuer Radweg an der Küstenstraße wird im Sommer gebaut");
        assertThat(a.author()).isEqualTo("Anna Keller");
        assertThat(a.published()).isEqualTo("2024-05-02");
        assertThat(a.language()).isEqualTo("de");
        assertThat(a.site()).isEqualTo("Tageblatt Nord");
        assertThat(a.body().split("\n\n")).hasSize(4);
        assertThat(a.body()).doesNotContain("Artikel teilen").doesNotContain("Impressum").doesNotContain("Kreistag streitet");
        assertThat(a.related()).containsExactly(new Related("Kreistag streitet über Busverbindungen am Wochenende", "2024-04-28", null));
    }

    @Test
    void updateBannerIsNeverThePublishedDate() {
        Article a = bySite.get("valley-tech");
        assertThat(a.published()).isEqualTo("2025-01-20");
        assertThat(a.updated()).isEqualTo("2025-01-22");
        assertThat(a.site()).isEqualTo("Valley Tech Review");
        assertThat(a.body()).doesNotContain("newsletter").doesNotContain("Solar farm");
        assertThat(a.related()).extracting(Related::title)
                .containsExactly("Solar farm on old landfill reaches full output", "Why your next phone might charge more slowly");
    }
}
