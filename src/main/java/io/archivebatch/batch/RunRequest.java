package io.archivebatch.batch;

import java.nio.file.Path;
import java.util.List;

/** What the user asked for: the command name, the inputs, the output folder and the site rules (may be null). */
public record RunRequest(String command, List<Path> inputs, Path output, Path rules) {
    public RunRequest {
        inputs = List.copyOf(inputs);
    }
}
