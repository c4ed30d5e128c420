package io.archivebatch.core.extract;

import java.net.URI;
import java.util.Locale;

/** The site's name: from a site-name line the cleaner recognised ("About Ariana News"), else the URL host. */
public final class SiteExtractor {

    public String extract(DocumentView doc) {
        String fromText = doc.clean().siteName();
        if (fromText != null && !fromText.isBlank()) {
            return fromText;
        }
        return host(doc.url());
    }

    /** The host of a URL without "www.", or null. */
    public static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String h = URI.create(url.trim()).getHost();
            if (h == null) {
                return null;
            }
            h = h.toLowerCase(Locale.ROOT);
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
