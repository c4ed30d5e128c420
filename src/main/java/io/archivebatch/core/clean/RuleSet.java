package io.archivebatch.core.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A named set of rules, either global (the built-in set, or a site file without selectors) or bound to a site
 * through selectors: site names, URL hosts, or source path fragments.
 */
public record RuleSet(String name, List<String> sites, List<String> hosts, List<String> sourceContains, List<Rule> rules) {

    public RuleSet {
        sites = List.copyOf(sites);
        hosts = List.copyOf(hosts);
        sourceContains = List.copyOf(sourceContains);
        rules = List.copyOf(rules);
    }

    public boolean isGlobal() {
        return sites.isEmpty() && hosts.isEmpty() && sourceContains.isEmpty();
    }

    /** Whether this set applies to a document with this source, URL host (may be null) and site name (may be null). */
    public boolean appliesTo(String source, String host, String site) {
        if (isGlobal()) {
            return true;
        }
        for (String s : sourceContains) {
            if (source != null && source.contains(s)) {
                return true;
            }
        }
        if (host != null) {
            String h = host.toLowerCase(Locale.ROOT);
            for (String want : hosts) {
                if (h.equals(want) || h.endsWith("." + want)) {
                    return true;
                }
            }
        }
        if (site != null) {
            for (String want : sites) {
                if (want.equalsIgnoreCase(site)) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<Rule> rulesOf(RuleKind kind) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.kind() == kind) {
                out.add(r);
            }
        }
        return out;
    }
}
