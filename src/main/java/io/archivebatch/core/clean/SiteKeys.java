package io.archivebatch.core.clean;

import io.archivebatch.core.extract.SiteExtractor;

/** Which site a document belongs to for site profiles: its URL host when known, else the folder of its source. */
public final class SiteKeys {
    private SiteKeys() {
    }

    public static String of(String source, String url) {
        String host = SiteExtractor.host(url);
        if (host != null) {
            return "host:" + host;
        }
        String s = source;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int slash = s.lastIndexOf('/');
        return "folder:" + (slash > 0 ? s.substring(0, slash) : ".");
    }
}
