package io.archivebatch.core.ingest;

import io.archivebatch.core.model.Rejection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * JSON Lines ({@code .jsonl}, {@code .ndjson}: one object a line) and JSON arrays ({@code .json}) exported by
 * scrapers. A line that is not valid JSON becomes one reject ({@code source#line:N}); the valid lines around it are
 * kept. Fields are mapped with {@link FieldMapping}.
 */
public final class JsonExportReader {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final FieldMapping mapping;

    public JsonExportReader(FieldMapping mapping) {
        this.mapping = mapping;
    }

    public void read(InputEntry file, Consumer<IngestItem> out) throws RejectedInputException {
        String name = file.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            readArray(file, out);
        } else {
            readLines(file, out);
        }
    }

    private void readLines(InputEntry file, Consumer<IngestItem> out) throws RejectedInputException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.open(), decoder), 1 << 16)) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String source = file.source() + "#line:" + n;
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (JacksonException e) {
                    out.accept(IngestItem.of(new Rejection(source, "invalid_json", firstLine(e.getOriginalMessage()))));
                    continue;
                }
                out.accept(item(source, node, line.length()));
            }
        } catch (IOException e) {
            throw new RejectedInputException("unreadable", "cannot read the file: " + e);
        }
    }

    private void readArray(InputEntry file, Consumer<IngestItem> out) throws RejectedInputException {
        JsonNode root;
        try (java.io.InputStream in = file.open()) {
            root = mapper.readTree(in);
        } catch (JacksonException e) {
            throw new RejectedInputException("invalid_json", firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new RejectedInputException("unreadable", "cannot read the file: " + e);
        }
        if (root != null && root.isObject()) {
            out.accept(item(file.source(), root, file.size()));
            return;
        }
        if (root == null || !root.isArray()) {
            throw new RejectedInputException("invalid_json", "expected a JSON array of objects or one object");
        }
        int i = 0;
        for (JsonNode node : root) {
            out.accept(item(file.source() + "#item:" + i++, node, 0));
        }
    }

    private IngestItem item(String source, JsonNode node, long bytes) {
        if (!node.isObject()) {
            return IngestItem.of(new Rejection(source, "invalid_json", "not a JSON object"));
        }
        Map<String, String> record = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            String value;
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode x : v) {
                    parts.add(x.isValueNode() ? x.asString() : x.toString());
                }
                value = String.join(", ", parts);
            } else {
                value = v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString();
            }
            record.put(e.getKey().toLowerCase(Locale.ROOT), value);
        }
        return ExportRecords.toItem(source, record, mapping, bytes);
    }

    private static String firstLine(String s) {
        return s == null ? "invalid JSON" : s.split("\n", 2)[0];
    }
}
