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
 * document order, so it finds what {@code select} finds. For selectors that look at the element alone (tag and
 * attributes); those that look at ancestors ({@code article h1}) still go through {@code select}.
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
        for (Element e : doc.getAllElements()) {
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
        Evaluator ev = Css.of(query);
        List<Element> out = new ArrayList<>();
        for (Element e : candidates) {
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
