package io.archivebatch.core.eval;

import java.util.List;

/** One {@code gold/<id>.json} of a labelled set. */
public record GoldRecord(String id, String url, String site, String title, String author, String published,
                         String updated, String body, List<String> with, List<String> without) {
}
