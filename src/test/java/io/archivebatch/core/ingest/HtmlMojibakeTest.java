package io.archivebatch.core.ingest;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Double-encoded UTF-8 is decoded where the reader reads: text, attribute values and JSON scripts. */
class HtmlMojibakeTest {

    @Test
    void textAttributesAndJsonScriptsAreRepairedOtherScriptsAreLeft() throws Exception {
        String page = "<html><head><title>Investorâ€™s guide</title>"
                + "<meta name=\"author\" content=\"Tehranâ€™s desk\">"
                + "<script type=\"application/ld+json\">{\"author\":{\"name\":\"JosÃ© GarcÃ\u00ADa â€“ staff\"}}</script>"
                + "<script TYPE=\" Application/LD+JSON \">{\"headline\":\"Investorâ€™s guide\"}</script>"
                + "<script>var s = \"Investorâ€™s\";</script><style>p:after{content:\"â€™\"}</style>"
                + "</head><body><p>The investorâ€™s guide, by JosÃ© GarcÃ\u00ADa.</p></body></html>";
        Document doc = HtmlReader.document(page.getBytes(StandardCharsets.UTF_8), "UTF-8", "https://example.org/a");
        assertThat(doc.title()).isEqualTo("Investor’s guide");
        assertThat(doc.selectFirst("meta[name=author]").attr("content")).isEqualTo("Tehran’s desk");
        assertThat(doc.select("script[type=application/ld+json]").get(0).data()).contains("José García – staff");
        assertThat(doc.select("script").get(1).data()).contains("Investor’s guide");
        assertThat(doc.body().text()).isEqualTo("The investor’s guide, by José García.");
        // nothing reads a page's JavaScript or styles: left as they came
        assertThat(doc.select("script").get(2).data()).contains("Investorâ€™s");
        assertThat(doc.selectFirst("style").data()).contains("â€™");
    }
}
