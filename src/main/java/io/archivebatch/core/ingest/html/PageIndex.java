package io.archivebatch.core.ingest.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

import java.util.ArrayList;
import java.util.List;

/**
 * The elements of a page that the metadata and headline readers query, gathered in one walk over the DOM: each
 * {@code select} of theirs walked the whole page, some fifteen times a page. A query is then its compiled selector
 * ({@link Css}) tried on the elements that can match it (the {@code meta} elements for {@code meta[content]}), in
 * document order, so it finds what {@code select} finds: the candidates must hold every element the query can match
 * (a query whose every alternative names the tag {@code h1}, such as {@code article h1, main h1}, has the h1s).
 * The page must not change while the index is used.
 */
final class PageIndex {

    final Document doc;
    final List<Element> metas = new ArrayList<>();
    final List<Element> scripts = new ArrayList<>();
    final List<Element> anchors = new ArrayList<>();
    final List<Element> times = new ArrayList<>();
    final List<Element> articles = new ArrayList<>();
    final List<Element> htmls = new ArrayList<>();
    final List<Element> links = new ArrayList<>();
    final List<Element> h1s = new ArrayList<>();
    /** h1 to h4 */
    final List<Element> headings = new ArrayList<>();
    /** elements with an {@code itemprop} attribute */
    final List<Element> itemprops = new ArrayList<>();
    /** elements with a {@code class} or an {@code itemprop} attribute */
    final List<Element> classedOrItemprop = new ArrayList<>();

    PageIndex(Document doc) {
        this.doc = doc;
        // in document order as getAllElements lists them, without making that list
        for (var it = new org.jsoup.nodes.NodeIterator<>(doc, Element.class); it.hasNext(); ) {
            Element e = it.next();
            switch (e.normalName()) {
                case "meta" -> metas.add(e);
                case "script" -> scripts.add(e);
                case "a" -> anchors.add(e);
                case "time" -> times.add(e);
                case "article" -> articles.add(e);
                case "html" -> htmls.add(e);
                case "link" -> links.add(e);
                case "h1" -> {
                    h1s.add(e);
                    headings.add(e);
                }
                case "h2", "h3", "h4" -> headings.add(e);
                default -> {
                }
            }
            if (e.attributesSize() == 0) {
                continue; // neither an itemprop nor a class
            }
            boolean itemprop = e.hasAttr("itemprop");
            if (itemprop) {
                itemprops.add(e);
            }
            if (itemprop || e.hasAttr("class")) {
                classedOrItemprop.add(e);
            }
        }
    }

    /** The first of the candidates, in document order, that the query matches; {@code select} from the page's root. */
    Element first(String query, List<Element> candidates) {
        Evaluator ev = Css.of(query);
        for (Element e : candidates) {
            if (ev.matches(doc, e)) {
                return e;
            }
        }
        return null;
    }

    /** The candidates the query matches that are {@code scope} or inside it: {@code scope.select(query)}. */
    List<Element> all(String query, List<Element> candidates, Element scope) {
        return all(query, candidates, scope, Integer.MAX_VALUE);
    }

    /** The first {@code limit} of {@link #all(String, List, Element)}'s elements (the candidates after them untried). */
    List<Element> all(String query, List<Element> candidates, Element scope, int limit) {
        Evaluator ev = Css.of(query);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < candidates.size() && out.size() < limit; i++) {
            Element e = candidates.get(i);
            if (ev.matches(scope, e) && isInside(e, scope)) {
                out.add(e);
            }
        }
        return out;
    }

    private boolean isInside(Element e, Element scope) {
        if (scope == doc) {
            return true; // the candidates are the page's
        }
        for (Element x = e; x != null; x = x.parent()) {
            if (x == scope) {
                return true;
            }
        }
        return false;
    }
}
