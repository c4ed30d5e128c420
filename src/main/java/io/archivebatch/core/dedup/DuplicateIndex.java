package io.archivebatch.core.dedup;

import java.util.HashMap;
import java.util.Map;

/**
 * Exact duplicates by body hash: the first article with a given {@code content_sha256} is the original; later ones
 * get {@code duplicate_of} = its id. Bounded by the number of distinct bodies in one run.
 */
public final class DuplicateIndex {

    private final Map<String, String> firstIdByHash = new HashMap<>();

    /** Records the article; answers the id of an earlier article with the same body, or null if it is the first. */
    public String register(String contentSha256, String id) {
        String first = firstIdByHash.putIfAbsent(contentSha256, id);
        return first == null || first.equals(id) ? null : first;
    }

    public int size() {
        return firstIdByHash.size();
    }
}
