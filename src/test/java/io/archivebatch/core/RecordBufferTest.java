package io.archivebatch.core;

import io.archivebatch.TehranTimes;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.TextDumpReader;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.output.ArticleCsvFormatter;
import io.archivebatch.core.output.ArticleJsonFormatter;
import io.archivebatch.core.output.RecordBuffer;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer's reused record buffer gives the bytes that a string and {@code getBytes(UTF_8)} give. */
class RecordBufferTest {

    private static byte[] utf8(RecordBuffer b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = b.writeUtf8(out);
        assertThat(n).isEqualTo(out.size());
        return out.toByteArray();
    }

    @Test
    void sameBytesAsGetBytesForAnyText() throws Exception {
        Random r = new Random(7);
        RecordBuffer b = new RecordBuffer();
        char[] pool = {'a', 'Z', ' ', '\n', '"', ',', 'é', 'ß', '€', '—', '“', 'ی', '中', '\u2028',
                '\uD83D', '\uDE00', '\uD800', '\uDC00', '\u0000', '\uFFFF'};
        for (int round = 0; round < 2000; round++) {
            int len = round < 1000 ? r.nextInt(40) : r.nextInt(70_000); // past the initial buffer and the kept size
            StringBuilder s = new StringBuilder(len);
            for (int i = 0; i < len; i++) {
                s.append(pool[r.nextInt(pool.length)]);
            }
            String text = s.toString();
            b.reset();
            if (round % 3 == 0) {
                b.write(text);
            } else if (round % 3 == 1) {
                b.append(text, 0, text.length() / 2).append(new StringBuilder(text.substring(text.length() / 2)));
            } else {
                for (int i = 0; i < text.length(); i++) {
                    b.append(text.charAt(i));
                }
            }
            assertThat(b.length()).isEqualTo(text.length());
            assertThat(b.toString()).isEqualTo(text);
            assertThat(utf8(b)).as("round %d", round).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void loneSurrogatesBecomeAQuestionMarkAsInAString() throws Exception {
        RecordBuffer b = new RecordBuffer();
        b.write("a\uD800b\uDC00 \uD83D\uDE00");
        assertThat(new String(utf8(b), StandardCharsets.UTF_8)).isEqualTo("a?b? \uD83D\uDE00");
    }

    @Test
    void formattersWriteTheSameLinesIntoTheBuffer(@TempDir Path tmp) throws Exception {
        int n = TehranTimes.unpack(tmp, 300);
        assertThat(n).isEqualTo(300);
        DocumentProcessor p = new DocumentProcessor(CleaningConfig.builtinOnly());
        ArticleJsonFormatter json = new ArticleJsonFormatter();
        ArticleCsvFormatter csv = new ArticleCsvFormatter();
        RecordBuffer b = new RecordBuffer();
        List<Path> files;
        try (Stream<Path> s = Files.list(tmp)) {
            files = s.sorted().toList();
        }
        int articles = 0;
        int nonLatin1 = 0;
        for (Path f : files) {
            Outcome o = p.process(new TextDumpReader().read(new InputFile(f, f.getFileName().toString(), Files.size(f), 0)));
            if (!(o instanceof Outcome.Accepted acc)) {
                continue;
            }
            Article a = acc.article();
            articles++;
            if (!a.body().equals(new String(a.body().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1))) {
                nonLatin1++;
            }
            json.write(a, b.reset());
            assertThat(utf8(b)).isEqualTo(json.format(a).getBytes(StandardCharsets.UTF_8));
            csv.write(a, b.reset());
            assertThat(utf8(b)).isEqualTo(csv.format(a).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(articles).isGreaterThan(290);
        assertThat(nonLatin1).as("bodies with curly quotes, dashes...").isGreaterThan(50);
    }
}
