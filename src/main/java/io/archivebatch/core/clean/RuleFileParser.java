package io.archivebatch.core.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Reads {@code .rules} files: one directive a line, {@code keyword: value}; {@code #} starts a comment line.
 * <pre>
 * site: Ariana News            # selectors: the set applies to documents of this site ...
 * host: ariananews.af          # ... or of this URL host (and its subdomains) ...
 * source: /ariana/             # ... or whose source path contains this text
 * drop: About Ariana News      # a block matching this regex (whole block, case-insensitive) is chrome
 * end: Leave a Reply           # a block matching this ends the article
 * related: Check Also          # a block matching this heads teasers of other articles
 * site-name: About (.+)        # a block naming the site; group 1 is the name
 * </pre>
 * A file without selectors applies to every document.
 */
public final class RuleFileParser {

    /** A rules file that cannot be used: the message names the file and line. */
    public static class RuleFileException extends IOException {
        public RuleFileException(String message) {
            super(message);
        }
    }

    public RuleSet parse(String name, Reader reader) throws IOException {
        List<String> sites = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        BufferedReader r = new BufferedReader(reader);
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int colon = t.indexOf(':');
            if (colon <= 0) {
                throw new RuleFileException(name + ":" + lineNo + ": expected 'keyword: value', got: " + t);
            }
            String key = t.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            String value = t.substring(colon + 1).strip();
            if (value.isEmpty()) {
                throw new RuleFileException(name + ":" + lineNo + ": '" + key + "' needs a value");
            }
            switch (key) {
                case "site" -> sites.add(value);
                case "host" -> hosts.add(value.toLowerCase(java.util.Locale.ROOT));
                case "source" -> sources.add(value);
                default -> {
                    RuleKind kind = RuleKind.fromKeyword(key);
                    if (kind == null) {
                        throw new RuleFileException(name + ":" + lineNo + ": unknown keyword '" + key
                                + "' (known: site, host, source, drop, end, related, site-name)");
                    }
                    try {
                        rules.add(Rule.of(kind, value, name + ":" + lineNo));
                    } catch (PatternSyntaxException e) {
                        throw new RuleFileException(name + ":" + lineNo + ": bad regular expression: "
                                + e.getDescription() + " in " + value);
                    }
                }
            }
        }
        return new RuleSet(name, sites, hosts, sources, rules);
    }

    public RuleSet parse(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString().replace('\\', '/'), in);
        }
    }

    /** The rule set that ships with archive-batch: common CMS and news-site chrome in several languages. */
    public RuleSet builtin() {
        try (InputStream in = RuleFileParser.class.getResourceAsStream("/io/archivebatch/core/builtin.rules")) {
            if (in == null) {
                throw new IllegalStateException("builtin.rules missing from the classpath");
            }
            return parse("builtin.rules", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code *.rules} file in a folder (sorted by name), or the one file given. */
    public List<RuleSet> load(Path dirOrFile) throws IOException {
        List<RuleSet> sets = new ArrayList<>();
        if (Files.isRegularFile(dirOrFile)) {
            sets.add(parse(dirOrFile));
            return sets;
        }
        if (!Files.isDirectory(dirOrFile)) {
            throw new RuleFileException("rules folder does not exist: " + dirOrFile);
        }
        try (Stream<Path> files = Files.list(dirOrFile)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".rules")).sorted().toList()) {
                sets.add(parse(p));
            }
        }
        return sets;
    }
}
