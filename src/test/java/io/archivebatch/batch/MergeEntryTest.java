package io.archivebatch.batch;

import io.archivebatch.Corpus;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.output.ArticleCsvFormatter;
import io.archivebatch.core.output.ArticleJsonFormatter;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The merge reads a part's records by its index: this version's lines, and the CSV lengths earlier versions wrote. */
class MergeEntryTest {

    private final Path part = Path.of("part-0");

    private static Article seedArticle() throws IOException {
        String text = Files.readString(Corpus.seedDump());
        Outcome o = new DocumentProcessor(CleaningConfig.builtinOnly())
                .process(new RawDocument("seed.txt", null, text, text.length(), List.of()));
        return ((Outcome.Accepted) o).article();
    }

    @Test
    void readsTwoRecordsByTheirIndexAsBytes() throws Exception {
        Article a = seedArticle();
        byte[] json = new ArticleJsonFormatter().format(a).getBytes(StandardCharsets.UTF_8);
        byte[] csv = new ArticleCsvFormatter().format(a).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream articles = new ByteArrayOutputStream();
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        for (int k = 0; k < 2; k++) {
            articles.write(json);
            articles.write('\n');
            rows.write(csv);
        }
        var in = new ByteArrayInputStream(articles.toByteArray());
        var r = new ByteArrayInputStream(rows.toByteArray());
        String current = csv.length + "\t" + json.length + "\t" + a.contentSha256() + "\t" + a.id();
        String earlier = Integer.toString(csv.length); // the index line of a chunk an earlier version wrote

        MergePartsTasklet.Entry first = MergePartsTasklet.entry(current, in, r, part);
        MergePartsTasklet.Entry second = MergePartsTasklet.entry(earlier, in, r, part);
        for (MergePartsTasklet.Entry e : List.of(first, second)) {
            assertThat(new String(e.line(), StandardCharsets.UTF_8)).isEqualTo(new String(json, StandardCharsets.UTF_8) + "\n");
            assertThat(e.row()).isEqualTo(csv);
            assertThat(e.contentSha256()).isEqualTo(a.contentSha256()).hasSize(64);
            assertThat(e.id()).isEqualTo(a.id()).hasSize(16);
        }
        assertThat(in.read()).isEqualTo(-1);
        assertThat(r.read()).isEqualTo(-1);
    }

    @Test
    void aTruncatedPartOrAMalformedIndexIsAnError() throws Exception {
        Article a = seedArticle();
        byte[] json = new ArticleJsonFormatter().format(a).getBytes(StandardCharsets.UTF_8);
        byte[] csv = new ArticleCsvFormatter().format(a).getBytes(StandardCharsets.UTF_8);
        String current = csv.length + "\t" + json.length + "\t" + a.contentSha256() + "\t" + a.id();
        assertThatThrownBy(() -> MergePartsTasklet.entry(current, new ByteArrayInputStream(json, 0, json.length / 2),
                new ByteArrayInputStream(csv), part)).isInstanceOf(IOException.class).hasMessageContaining("end before");
        for (String malformed : List.of("12\t34", "-1\t34\t" + a.contentSha256() + "\t" + a.id(), "12\tx\t\t", "-7", "")) {
            assertThatThrownBy(() -> MergePartsTasklet.entry(malformed, new ByteArrayInputStream(json),
                    new ByteArrayInputStream(csv), part)).as(malformed).isInstanceOf(IOException.class).hasMessageContaining("malformed");
        }
    }
}
