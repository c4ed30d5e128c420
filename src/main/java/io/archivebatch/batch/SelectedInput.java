package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputFile;

/** An input a run will read, with its content hash when the run keeps the ledger (else empty). */
public record SelectedInput(InputFile file, String sha256) {
}
