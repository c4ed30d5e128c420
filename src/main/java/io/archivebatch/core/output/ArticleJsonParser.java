package io.archivebatch.core.output;

import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Related;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/** Reads back a line written by {@link ArticleJsonFormatter} (the merge renders the final files from the parts). */
public final class ArticleJsonParser {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public Article parse(String line) {
        JsonNode n = mapper.readTree(line);
        List<Related> related = new ArrayList<>();
        for (JsonNode r : n.get("related")) {
            related.add(new Related(text(r, "title"), text(r, "published"), text(r, "updated")));
        }
        List<String> flags = new ArrayList<>();
        JsonNode f = n.get("flags");
        if (f != null) {
            for (JsonNode x : f) {
                flags.add(x.asString());
            }
        }
        return new Article(text(n, "id"), text(n, "source"), text(n, "url"), text(n, "site"), text(n, "title"),
                text(n, "author"), text(n, "published"), text(n, "updated"), text(n, "dateline"), text(n, "language"),
                text(n, "body"), n.get("word_count").asInt(), related, text(n, "content_sha256"),
                text(n, "duplicate_of"), flags, text(n, "captured"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
