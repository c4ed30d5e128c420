package io.archivebatch.batch;

import io.archivebatch.core.ingest.FieldMapping;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.ingest.InputReaders;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.CleaningConfig;
import io.archivebatch.core.pipeline.DocumentProcessor;
import io.archivebatch.core.pipeline.TimeLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk cleaned in one hand-off gives each input the outcomes it gets when cleaned alone, in order, also when
 * documents in the middle of the chunk (and of an export) overrun their limit.
 */
class ChunkCleaningTest {

    private static final String STORY = "Harbor Gazette\n\nThe harbour authority said on Tuesday that the new ferry "
            + "terminal will open in the spring, after two years of building work and a long dispute over the cost. "
            + "Local traders welcomed the news, saying the old terminal had been too small for the summer crowds.\n\n"
            + "Share this";

    @TempDir
    Path dir;

    private final DocumentProcessor pipeline = new DocumentProcessor(CleaningConfig.builtinOnly());
    /** how often each document was cleaned (or begun): a worker given up on must not go on to other documents */
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();

    /** The real pipeline, except that a document saying STUCK never ends by itself. */
    private final Function<RawDocument, Outcome> cleaner = doc -> {
        calls.merge(doc.source(), 1, Integer::sum);
        if (doc.text().contains("STUCK")) {
            while (true) {
                TimeLimit.checkInterrupted();
            }
        }
        return pipeline.process(doc);
    };

    @Test
    void overrunsInAChunkGiveTimeoutsAndTheRestIsCleanedOnce() throws Exception {
        pipeline.process(new RawDocument("warm.txt", null, STORY, STORY.length(), List.of())); // loads the models
        List<InputFile> files = List.of(
                dump("a.txt", STORY.replace("Tuesday", "Monday")),
                export("b.jsonl",
                        "{\"url\": \"https://harbor.example/1\", \"text\": " + json(STORY.replace("ferry", "cargo")) + "}",
                        "{\"url\": \"https://harbor.example/2\", \"text\": " + json(STORY + " STUCK") + "}",
                        "{\"url\": \"https://harbor.example/3\", \"text\": " + json("STUCK " + STORY) + "}",
                        "not json at all",
                        "{\"url\": \"https://harbor.example/5\", \"text\": " + json(STORY.replace("spring", "autumn")) + "}"),
                dump("c.txt", "STUCK\n\n" + STORY),
                dump("d.txt", STORY.replace("traders", "fishermen")));
        ChunkCleaning cleaning = new ChunkCleaning(new InputReaders(1 << 20, FieldMapping.defaults()), cleaner, 300, null);

        List<Outcome>[] chunk;
        long t0 = System.nanoTime();
        try (TimeLimit limit = new TimeLimit(300)) {
            chunk = cleaning.run(files, limit);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(chunk).hasSize(4);
        assertThat(kinds(chunk[0])).containsExactly("article");
        assertThat(articleText(chunk[0].get(0))).contains("on Monday");
        assertThat(kinds(chunk[1])).containsExactly("article", "timeout", "timeout", "invalid_json", "article");
        assertThat(articleText(chunk[1].get(0))).contains("cargo terminal");
        assertThat(articleText(chunk[1].get(4))).contains("open in the autumn");
        assertThat(kinds(chunk[2])).containsExactly("timeout");
        assertThat(kinds(chunk[3])).containsExactly("article");
        assertThat(articleText(chunk[3].get(0))).contains("Local fishermen");
        assertThat(chunk[1]).extracting(Outcome::source).containsExactly(
                "b.jsonl#line:1", "b.jsonl#line:2", "b.jsonl#line:3", "b.jsonl#line:4", "b.jsonl#line:5");
        // three overruns of 300 ms each, the rest quick
        assertThat(millis).isBetween(850L, 20_000L);
        // each document was begun once: the workers given up on stopped at the stuck document
        Thread.sleep(200);
        assertThat(calls.values()).allMatch(n -> n == 1);
        assertThat(calls).hasSize(7);

        // each input cleaned alone gives the same outcomes
        try (TimeLimit limit = new TimeLimit(300)) {
            for (int i = 0; i < files.size(); i++) {
                List<Outcome> alone = cleaning.run(List.of(files.get(i)), limit)[0];
                assertThat(alone).isEqualTo(chunk[i]);
            }
        }
    }

    private InputFile dump(String name, String text) throws Exception {
        Path p = Files.writeString(dir.resolve(name), text);
        return new InputFile(p, name, Files.size(p), Files.getLastModifiedTime(p).toMillis());
    }

    private InputFile export(String name, String... lines) throws Exception {
        return dump(name, String.join("\n", lines) + "\n");
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static List<String> kinds(List<Outcome> outcomes) {
        List<String> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            out.add(o instanceof Outcome.Rejected r ? r.rejection().reason() : "article");
        }
        return out;
    }

    /** The body, which an article of a chunk keeps only as the bytes the writer writes. */
    private static String articleText(Outcome o) {
        Outcome.Accepted a = (Outcome.Accepted) o;
        assertThat(a.article().body()).isNull();
        return a.body();
    }
}
