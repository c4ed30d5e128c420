package io.archivebatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A job file gives the options' defaults, including an export field mapping; the command line still wins. */
class JobFileTest {

    private static final String EXPORT = """
            {"story": "The harbour authority said on Tuesday that the new ferry terminal will open in the spring, after two years of building work and a long dispute over the cost of the project.", "headline_text": "Ferry terminal to open in spring", "permalink": "https://harbor.example/news/ferry", "text": "Share this story"}
            """;

    @Test
    void jobFileSetsInputOutputAndFieldMapping(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("export.jsonl"), EXPORT);
        Path out = tmp.resolve("out");
        Path job = tmp.resolve("harbor.properties");
        Files.writeString(job, String.join("\n",
                "# a job file: option defaults by long name",
                "input = " + in,
                "output = " + out,
                "threads = 1",
                "quiet = true",
                "field = text=story;title=headline_text;url=permalink",
                ""));
        CliRun r = CliRun.of("run", "--job", job.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode a = only(out);
        assertThat(a.get("title").asString()).isEqualTo("Ferry terminal to open in spring");
        assertThat(a.get("url").asString()).isEqualTo("https://harbor.example/news/ferry");
        assertThat(a.get("body").asString()).startsWith("The harbour authority said on Tuesday");

        // the command line replaces the job file's value: the mapping is now only title=story, so the text comes
        // from the common name "text" again, which holds only a share line — rejected, exit 4
        Path out2 = tmp.resolve("out2");
        CliRun r2 = CliRun.of("run", "--job", job.toString(), "-o", out2.toString(), "--field", "title=story");
        assertThat(r2.exit()).as(r2.err()).isEqualTo(4);
        List<String> rejects = Files.readAllLines(RunCommandTest.onlyRun(out2).resolve("rejects.jsonl"));
        assertThat(rejects).singleElement().asString().contains("\"reason\":\"no_article_text\"");
    }

    @Test
    void badJobFileOrMappingIsAUsageError(@TempDir Path tmp) throws Exception {
        CliRun missing = CliRun.of("run", "--job", tmp.resolve("nope.properties").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such job file");
        CliRun bad = CliRun.of("run", "-i", tmp.toString(), "-o", tmp.resolve("o").toString(), "--field", "body=story");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown field 'body'");
        CliRun limit = CliRun.of("run", "-i", tmp.toString(), "-o", tmp.resolve("o").toString(), "--max-seconds-per-document", "0");
        assertThat(limit.exit()).isEqualTo(2);
    }

    private static JsonNode only(Path out) throws Exception {
        List<String> lines = Files.readAllLines(RunCommandTest.onlyRun(out).resolve("articles.jsonl"));
        assertThat(lines).hasSize(1);
        return JsonMapper.builder().build().readTree(lines.get(0));
    }
}
