package io.archivebatch.batch;

import io.archivebatch.core.ingest.InputDates;
import io.archivebatch.core.ingest.InputFile;
import io.archivebatch.core.pipeline.Hashing;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses what a run reads among the scanned inputs: everything ({@code run}), what is new or changed since the
 * ledger last saw it ({@code nightly}), or what falls in a date range ({@code backfill}, ledger-filtered unless
 * forced). "Changed" means other content: a file whose size and time are unchanged is not read; one whose time
 * changed but whose content hash is the same is not taken either.
 */
public class InputSelector {

    private final Ledger ledger;
    private final ZoneId zone;

    private static final int LEDGER_BATCH = 5_000;

    public InputSelector(Ledger ledger, ZoneId zone) {
        this.ledger = ledger;
        this.zone = zone;
    }

    public List<SelectedInput> select(RunRequest request, List<InputFile> scanned) throws IOException {
        List<SelectedInput> out = new ArrayList<>();
        if (request.mode() == RunRequest.Mode.ALL) {
            for (InputFile f : scanned) {
                out.add(new SelectedInput(f, ""));
            }
            return out;
        }
        // the ledger is asked about the scanned files a batch at a time, never loaded whole; the files of a batch that
        // need their content hash (new, changed, or forced) are hashed on all cores, the choices then made in order
        for (int k = 0; k < scanned.size(); k += LEDGER_BATCH) {
            List<InputFile> batch = scanned.subList(k, Math.min(scanned.size(), k + LEDGER_BATCH));
            List<String> keys = new ArrayList<>(batch.size());
            for (InputFile g : batch) {
                keys.add(key(g));
            }
            Map<String, Ledger.Entry> known = ledger.lookup(keys);
            List<InputFile> hashed = new ArrayList<>();
            List<Ledger.Entry> entries = new ArrayList<>(); // null: take it whatever its hash (new, or forced)
            for (int i = 0; i < batch.size(); i++) {
                InputFile f = batch.get(i);
                if (request.mode() == RunRequest.Mode.RANGE) {
                    LocalDate d = InputDates.of(f, zone);
                    if (d.isBefore(request.from()) || d.isAfter(request.to())) {
                        continue;
                    }
                    if (request.force()) {
                        hashed.add(f);
                        entries.add(null);
                        continue;
                    }
                }
                Ledger.Entry e = known.get(keys.get(i));
                if (e != null && e.size() == f.size() && e.mtime() == f.mtime()) {
                    continue;
                }
                hashed.add(f);
                entries.add(e);
            }
            String[] shas = new String[hashed.size()];
            java.util.stream.IntStream.range(0, shas.length).parallel().forEach(i -> shas[i] = sha256(hashed.get(i)));
            for (int i = 0; i < shas.length; i++) {
                Ledger.Entry e = entries.get(i);
                if (e != null && shas[i].equals(e.sha256())) {
                    continue;
                }
                out.add(new SelectedInput(hashed.get(i), shas[i]));
            }
        }
        return out;
    }

    /** The ledger's key of an input: its absolute, normalized path. */
    public static String key(InputFile f) {
        return f.path().toAbsolutePath().normalize().toString();
    }

    static String sha256(InputFile f) {
        try {
            return Hashing.sha256(f.path());
        } catch (IOException e) {
            // an unreadable input is still selected: the run rejects it with its reason
            return "unreadable";
        }
    }
}
