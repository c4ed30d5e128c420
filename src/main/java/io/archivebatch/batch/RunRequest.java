package io.archivebatch.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What the user asked for.
 *
 * @param command  run, nightly or backfill (names the run and is part of its identity)
 * @param mode     which inputs to take
 * @param runDate  the night a nightly run belongs to (part of its identity), else null
 * @param from     first day of a backfill range, else null
 * @param to       last day of a backfill range, else null
 * @param force    backfill: take inputs in the range even if the ledger has them
 * @param fields   the export field mapping ({@code FieldMapping.parse}), empty for the defaults; part of the identity
 */
public record RunRequest(String command, Mode mode, List<Path> inputs, Path output, Path rules,
                         LocalDate runDate, LocalDate from, LocalDate to, boolean force, String fields) {

    public enum Mode { ALL, NEW_OR_CHANGED, RANGE }

    public RunRequest {
        inputs = List.copyOf(inputs);
        fields = fields == null ? "" : fields;
    }

    public RunRequest withFields(String spec) {
        return new RunRequest(command, mode, inputs, output, rules, runDate, from, to, force, spec);
    }

    /** The command that writes the documents as read, without cleaning ({@code PassThroughProcessor}). */
    public static final String CONVERT = "convert";

    public static RunRequest convert(List<Path> inputs, Path output) {
        return new RunRequest(CONVERT, Mode.ALL, inputs, output, null, null, null, null, false, "");
    }

    public static RunRequest run(List<Path> inputs, Path output, Path rules) {
        return new RunRequest("run", Mode.ALL, inputs, output, rules, null, null, null, false, "");
    }

    public static RunRequest nightly(List<Path> inputs, Path output, Path rules, LocalDate date) {
        return new RunRequest("nightly", Mode.NEW_OR_CHANGED, inputs, output, rules, date, null, null, false, "");
    }

    public static RunRequest backfill(List<Path> inputs, Path output, Path rules, LocalDate from, LocalDate to, boolean force) {
        return new RunRequest("backfill", Mode.RANGE, inputs, output, rules, null, from, to, force, "");
    }

    /** Whether a published run of this command records its inputs in the ledger. */
    public boolean keepsLedger() {
        return mode != Mode.ALL;
    }
}
