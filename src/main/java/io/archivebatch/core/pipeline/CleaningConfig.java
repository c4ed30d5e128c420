package io.archivebatch.core.pipeline;

import io.archivebatch.core.clean.ClassifierSettings;
import io.archivebatch.core.clean.RuleFileParser;
import io.archivebatch.core.clean.RuleSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The built-in rule set, the site rule sets of a job, and the classifier settings. */
public record CleaningConfig(RuleSet builtin, List<RuleSet> siteRules, ClassifierSettings settings) {

    public CleaningConfig {
        siteRules = List.copyOf(siteRules);
    }

    public static CleaningConfig builtinOnly() {
        return new CleaningConfig(new RuleFileParser().builtin(), List.of(), ClassifierSettings.defaults());
    }

    /** Built-in rules plus every {@code *.rules} file of the folder (or the file); a missing default folder is fine. */
    public static CleaningConfig load(Path rules, boolean required) throws IOException {
        RuleFileParser parser = new RuleFileParser();
        List<RuleSet> sets = new ArrayList<>();
        if (rules != null && (required || Files.exists(rules))) {
            sets.addAll(parser.load(rules));
        }
        return new CleaningConfig(parser.builtin(), sets, ClassifierSettings.defaults());
    }
}
