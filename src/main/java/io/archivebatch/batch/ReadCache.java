package io.archivebatch.batch;

import io.archivebatch.core.ingest.IngestItem;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.pipeline.Hashing;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The documents the profile step read from costly inputs (HTML pages, WARC files), kept in the run's staging folder
 * for the process step, which would otherwise parse each page a second time. One JSON file per input, named by the
 * input's source, size and modification time, written atomically; an input with a rejection is not kept (the process
 * step reads it again and rejects it with its reason). A missing or unreadable entry means: read the input.
 */
final class ReadCache {

    private static final TypeReference<List<RawDocument>> DOCUMENTS = new TypeReference<>() {
    };

    private final Path dir;
    private final JsonMapper json = JsonMapper.builder().build();

    ReadCache(Path dir) {
        this.dir = dir;
    }

    /** Inputs worth keeping: parsing them costs far more than reading a JSON copy of their text. */
    static boolean worthKeeping(InputFile f) {
        String s = f.source().toLowerCase(Locale.ROOT);
        return s.endsWith(".html") || s.endsWith(".htm") || s.endsWith(".xhtml") || s.endsWith(".html.gz")
                || s.endsWith(".htm.gz") || s.endsWith(".warc") || s.endsWith(".warc.gz");
    }

    void put(InputFile f, List<IngestItem> items) throws IOException {
        List<RawDocument> docs = new ArrayList<>();
        for (IngestItem i : items) {
            if (i.document() == null) {
                return;
            }
            docs.add(i.document());
        }
        Files.createDirectories(dir);
        Path target = file(f);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        json.writeValue(tmp.toFile(), docs);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The documents kept for this input, or null when there are none. */
    List<IngestItem> get(InputFile f) {
        Path p = file(f);
        if (!Files.exists(p)) {
            return null;
        }
        try {
            List<IngestItem> out = new ArrayList<>();
            for (RawDocument d : json.readValue(p.toFile(), DOCUMENTS)) {
                out.add(IngestItem.of(d));
            }
            return out;
        } catch (RuntimeException e) {
            return null; // read the input instead
        }
    }

    private Path file(InputFile f) {
        return dir.resolve(Hashing.sha256(f.source() + "\t" + f.size() + "\t" + f.mtime()) + ".json");
    }
}
