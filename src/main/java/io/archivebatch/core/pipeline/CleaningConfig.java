package io.archivebatch.core.pipeline;

import io.archivebatch.core.clean.BlockModel;
import io.archivebatch.core.clean.ClassifierSettings;
import io.archivebatch.core.clean.RuleFileParser;
import io.archivebatch.core.clean.RuleSet;
import io.archivebatch.core.clean.SiteProfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The built-in rule set, the site rule sets of a job, the heuristic's settings and the learned block model. */
public record CleaningConfig(RuleSet builtin, List<RuleSet> siteRules, ClassifierSettings settings, BlockModel blockModel,
                             SiteProfiles profiles) {

    public CleaningConfig {
        siteRules = List.copyOf(siteRules);
    }

    /** The same rules and settings with another block model (null: the heuristic alone). */
    public CleaningConfig withBlockModel(BlockModel model) {
        return new CleaningConfig(builtin, siteRules, settings, model, profiles);
    }

    /** The same configuration with the site profiles learned for a run. */
    public CleaningConfig withProfiles(SiteProfiles p) {
        return new CleaningConfig(builtin, siteRules, settings, blockModel, p);
    }

    /** Built-in rules and the heuristic, without the learned block model (what the block model is trained on). */
    public static CleaningConfig heuristicOnly() {
        return new CleaningConfig(new RuleFileParser().builtin(), List.of(), ClassifierSettings.defaults(), null, SiteProfiles.EMPTY);
    }

    public static CleaningConfig builtinOnly() {
        return new CleaningConfig(new RuleFileParser().builtin(), List.of(), ClassifierSettings.defaults(), BlockModel.builtin(), SiteProfiles.EMPTY);
    }

    /** Built-in rules plus every {@code *.rules} file of the folder (or the file); a missing default folder is fine. */
    public static CleaningConfig load(Path rules, boolean required) throws IOException {
        RuleFileParser parser = new RuleFileParser();
        List<RuleSet> sets = new ArrayList<>();
        if (rules != null && (required || Files.exists(rules))) {
            sets.addAll(parser.load(rules));
        }
        return new CleaningConfig(parser.builtin(), sets, ClassifierSettings.defaults(), BlockModel.builtin(), SiteProfiles.EMPTY);
    }
}
