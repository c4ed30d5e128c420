package io.archivebatch.core.ingest.html;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import java.util.concurrent.ConcurrentHashMap;

/**
 * CSS queries compiled once per JVM. jsoup's {@code select(String)} parses its query again on every call, which was
 * a fifth of the metadata's time on an HTML page; a compiled {@link Evaluator} is made to be reused, across threads
 * too (its memo of structural matches is per thread). The queries are the readers' own, a few dozen in all.
 */
final class Css {

    private static final ConcurrentHashMap<String, Evaluator> COMPILED = new ConcurrentHashMap<>();

    private Css() {
    }

    static Evaluator of(String query) {
        Evaluator e = COMPILED.get(query);
        return e != null ? e : COMPILED.computeIfAbsent(query, QueryParser::parse);
    }
}
