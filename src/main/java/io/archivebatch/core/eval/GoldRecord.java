package io.archivebatch.core.eval;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One {@code gold/<id>.json} of a labelled set. */
public record GoldRecord(String id, String url, String site, String title, String author, String published,
                         String updated, String body, List<String> with, List<String> without) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static GoldRecord read(Path file) throws IOException {
        JsonNode n = JSON.readTree(Files.readString(file));
        return new GoldRecord(text(n, "id"), text(n, "url"), text(n, "site"), text(n, "title"), text(n, "author"),
                text(n, "published"), text(n, "updated"), text(n, "body"), list(n, "with"), list(n, "without"));
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<String> list(JsonNode n, String f) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(f);
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                out.add(e.asString());
            }
        }
        return out;
    }
}
