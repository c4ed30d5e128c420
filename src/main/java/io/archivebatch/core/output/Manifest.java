package io.archivebatch.core.output;

import io.archivebatch.core.pipeline.Hashing;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code manifest.json}: what a run was asked, what it produced, and how to check the files. */
public record Manifest(String runName, Map<String, Object> parameters, long instanceId, long inputs, long articles,
                       long duplicates, Map<String, Long> rejectsByReason, Instant started, Instant finished,
                       Map<String, Double> stepSeconds, List<String> files, Map<String, String> knownSha256) {

    public long rejects() {
        return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public void writeTo(Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema_version", RecordSchema.VERSION);
        m.put("run", runName);
        m.put("job_instance", instanceId);
        m.put("parameters", parameters);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("inputs", inputs);
        counts.put("articles", articles);
        counts.put("duplicates", duplicates);
        counts.put("rejects", rejects());
        counts.put("rejects_by_reason", rejectsByReason);
        m.put("counts", counts);
        Map<String, Object> fileInfo = new LinkedHashMap<>();
        for (String f : files) {
            Path p = dir.resolve(f);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("bytes", Files.size(p));
            String known = knownSha256.get(f);
            info.put("sha256", known != null ? known : sha256(p));
            fileInfo.put(f, info);
        }
        m.put("files", fileInfo);
        m.put("columns", RecordSchema.COLUMNS);
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("started", started.toString());
        timings.put("finished", finished.toString());
        timings.put("seconds", Duration.between(started, finished).toMillis() / 1000.0);
        timings.put("steps", stepSeconds);
        m.put("timings", timings);
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Path tmp = dir.resolve("manifest.json.tmp");
        Files.writeString(tmp, mapper.writeValueAsString(m) + "\n");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, dir.resolve("manifest.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(Path p) throws IOException {
        return Hashing.sha256(p);
    }

}
