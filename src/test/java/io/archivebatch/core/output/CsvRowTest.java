package io.archivebatch.core.output;

import io.archivebatch.core.model.Article;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV rows are, byte for byte, what Commons CSV prints with {@code RFC4180} and CRLF row ends. */
class CsvRowTest {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    @Test
    void fieldsQuotedAsCommonsCsvQuotesThem() throws Exception {
        // every awkward character at the start, inside and at the end, first in the row and after it
        String awkward = "\n\r\",# !$\t\u0000 a\u00e9\u2019\u00a0";
        List<Object> values = new ArrayList<>(Arrays.asList(null, "", 0, 42, "plain", "two words", "x,y", "\"quoted\""));
        for (char c : awkward.toCharArray()) {
            values.add(String.valueOf(c));
            values.add(c + "text");
            values.add("text" + c);
            values.add("te" + c + "xt");
            values.add(c + "" + c);
        }
        for (Object first : values) {
            for (Object second : values) {
                assertThat(csv(first, second)).as("%s | %s", first, second).isEqualTo(commons(first, second));
            }
        }
        Random random = new Random(11);
        for (int k = 0; k < 20_000; k++) {
            Object[] row = new Object[1 + random.nextInt(4)];
            for (int f = 0; f < row.length; f++) {
                char[] s = new char[random.nextInt(12)];
                for (int i = 0; i < s.length; i++) {
                    s[i] = random.nextInt(3) == 0 ? awkward.charAt(random.nextInt(awkward.length()))
                            : (char) (' ' + random.nextInt(95));
                }
                row[f] = random.nextInt(10) == 0 ? null : new String(s);
            }
            assertThat(csv(row)).isEqualTo(commons(row));
        }
    }

    @Test
    void articleRowsAndHeaderAsCommonsCsvPrintsThemOnRealPages() throws Exception {
        ArticleCsvFormatter formatter = new ArticleCsvFormatter();
        ArticleJsonFormatter json = new ArticleJsonFormatter();
        assertThat(formatter.header()).isEqualTo(commons(RecordSchema.COLUMNS.toArray()));
        int[] rows = {0};
        int[] quotedBodies = {0};
        io.archivebatch.Corpus.forEachWcxbArticle((dump, acc) -> {
            Article a = acc.article();
            String expected = commons(a.id(), a.source(), a.url(), a.site(), a.title(), a.author(),
                    a.published(), a.updated(), a.dateline(), a.language(), a.body(), a.wordCount(),
                    json.formatRelated(a.related()), a.contentSha256(), a.duplicateOf(),
                    String.join(";", a.flags()), a.captured());
            assertThat(formatter.format(a)).as(dump.getFileName().toString()).isEqualTo(expected);
            RecordBuffer buffer = new RecordBuffer();
            formatter.write(a, buffer);
            assertThat(buffer.toString()).isEqualTo(expected);
            quotedBodies[0] += CsvRow.needsQuotes(a.body(), false) ? 1 : 0;
            rows[0]++;
        });
        assertThat(rows[0]).isGreaterThan(650);
        assertThat(quotedBodies[0]).isGreaterThan(600);
    }

    private static String csv(Object... values) {
        StringBuilder out = new StringBuilder();
        CsvRow row = new CsvRow(out);
        for (Object v : values) {
            row.field(v);
        }
        row.end();
        return out.toString();
    }

    private static String commons(Object... values) throws Exception {
        StringWriter out = new StringWriter();
        new CSVPrinter(out, FORMAT).printRecord(values);
        return out.toString();
    }
}
