package io.archivebatch.core.clean;

import io.archivebatch.core.model.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides which blocks of a dump are article text. Three stages, each inspectable in the decisions:
 * <ol>
 *   <li>rules: site rules first, then the built-in rules (drop / end / related / site-name);</li>
 *   <li>a first-pass class per block from length and stopword density (jusText, Pomikálek 2011);</li>
 *   <li>the main region: the contiguous run of blocks with the highest score (good blocks add their words,
 *       short and bad blocks cost), cut at the first end/related marker after it starts; inside it, good and
 *       near-good blocks are kept, short blocks only between kept blocks (headings).</li>
 * </ol>
 */
public final class BoilerplateCleaner {

    private final ClassifierSettings settings;
    private final BlockModel model;
    private final double threshold;

    /** @param model the learned block classifier, or null for the rules-and-region heuristic alone */
    public BoilerplateCleaner(ClassifierSettings settings, BlockModel model) {
        this.settings = settings;
        this.model = model;
        this.threshold = model == null ? 0.5 : model.threshold();
    }

    public BoilerplateCleaner(ClassifierSettings settings) {
        this(settings, null);
    }

    public BoilerplateCleaner() {
        this(ClassifierSettings.defaults(), null);
    }

    public CleanResult clean(List<Block> blocks, List<RuleSet> ruleSets, Set<String> stopwords) {
        return decide(analyze(blocks, ruleSets, stopwords));
    }

    /** Rules, first-pass classes and the heuristic main region: everything the learned classifier reads. */
    public BlockContext analyze(List<Block> blocks, List<RuleSet> ruleSets, Set<String> stopwords) {
        int n = blocks.size();
        Rule[] matched = new Rule[n];
        BlockFeatures[] features = new BlockFeatures[n];
        BlockClass[] cls = new BlockClass[n];
        String siteName = null;
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            features[i] = BlockFeatures.of(b, stopwords);
            matched[i] = firstMatch(b.text(), ruleSets);
            if (matched[i] != null && matched[i].kind() == RuleKind.SITE_NAME && siteName == null) {
                siteName = matched[i].capture(b.text());
            }
            cls[i] = matched[i] != null ? BlockClass.BAD : classify(features[i], stopwords.isEmpty());
        }

        // main region: maximum-sum contiguous run
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = value(cls[i], features[i]);
        }
        int[] region = MaxRun.of(values);
        int bestStart = region[0];
        int bestEnd = region[1];
        int relatedStart = -1;
        if (bestStart >= 0) {
            for (int i = bestStart; i <= bestEnd; i++) {
                if (matched[i] != null && (matched[i].kind() == RuleKind.END || matched[i].kind() == RuleKind.RELATED)
                        && i > bestStart) {
                    bestEnd = i - 1;
                    break;
                }
            }
            for (int i = bestEnd + 1; i < n; i++) {
                if (matched[i] != null && matched[i].kind() == RuleKind.RELATED) {
                    relatedStart = i;
                    break;
                }
                if (matched[i] != null && matched[i].kind() == RuleKind.END) {
                    break;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (matched[i] != null && matched[i].kind() == RuleKind.RELATED) {
                    relatedStart = i;
                    break;
                }
            }
        }

        boolean[] keep = new boolean[n];
        if (bestStart >= 0) {
            for (int i = bestStart; i <= bestEnd; i++) {
                keep[i] = cls[i] == BlockClass.GOOD || cls[i] == BlockClass.NEAR;
            }
            // short blocks between kept blocks are headings or short paragraphs of the article
            for (int i = bestStart; i <= bestEnd; i++) {
                if (cls[i] == BlockClass.SHORT && hasKeptBefore(keep, cls, i, bestStart) && hasKeptAfter(keep, cls, i, bestEnd)) {
                    keep[i] = true;
                }
            }
        }

        return new BlockContext(blocks, features, cls, matched, keep, bestStart, bestEnd, relatedStart, siteName);
    }

    /**
     * Final keep/drop: rules always win; then the learned classifier's probabilities, decoded for the whole page
     * ({@link KeepDecoder}), when there is one, else the heuristic.
     */
    public CleanResult decide(BlockContext ctx) {
        int n = ctx.blocks().size();
        List<Block> blocks = ctx.blocks();
        BlockFeatures[] features = ctx.features();
        BlockClass[] cls = ctx.classes();
        Rule[] matched = ctx.rules();
        int bestStart = ctx.regionStart();
        int bestEnd = ctx.regionEnd();
        boolean[] keep = ctx.heuristicKeep().clone();
        boolean[] byContext = new boolean[n];
        double[] p = model == null ? null : model.probabilities(ctx);
        if (p != null) {
            boolean[] ruled = new boolean[n];
            int[] words = new int[n];
            for (int i = 0; i < n; i++) {
                ruled[i] = matched[i] != null;
                words[i] = features[i].words();
            }
            boolean[] learned = KeepDecoder.decode(p, threshold, words, ruled);
            boolean any = false;
            for (boolean k : learned) {
                any |= k;
            }
            if (any) {
                keep = learned;
                // where the page-level decoding overruled the block's own probability (explain shows "context:")
                for (int i = 0; i < n; i++) {
                    byContext[i] = matched[i] == null && keep[i] != (p[i] >= threshold);
                }
            } else {
                // pages unlike any it learned from (one huge block, say): the heuristic's main region decides
                p = null;
            }
        }
        // a teaser list ("Check Also", "Related"...) is never body: from its heading to the next end or site-name
        // rule or the next block of prose (over 30 words), the lines are teasers for the related extractor
        boolean[] teaser = new boolean[n];
        if (ctx.relatedStart() >= 0) {
            for (int i = ctx.relatedStart() + 1; i < n; i++) {
                if (matched[i] != null && (matched[i].kind() == RuleKind.END || matched[i].kind() == RuleKind.SITE_NAME)
                        || features[i].words() > 30) {
                    break;
                }
                if (matched[i] == null && keep[i]) {
                    keep[i] = false;
                    teaser[i] = true;
                }
            }
        }
        List<BlockDecision> decisions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            BlockFeatures f = features[i];
            double prob = p == null ? Double.NaN : p[i];
            if (matched[i] != null) {
                decisions.add(new BlockDecision(b, cls[i], false, "rule:" + matched[i].kind().keyword(), matched[i].origin()));
                continue;
            }
            String reason;
            boolean kept = false;
            if (teaser[i]) {
                reason = "related-list";
            } else if (keep[i]) {
                kept = true;
                reason = p == null ? "body" : byContext[i] ? "context:body" : "classifier:body";
            } else if (p != null) {
                reason = byContext[i] ? "context:chrome" : "classifier:chrome";
            } else if (i < bestStart || i > bestEnd || bestStart < 0) {
                reason = "outside-main-region";
            } else {
                reason = "short-not-between-text";
            }
            decisions.add(new BlockDecision(b, cls[i], kept, reason, null, prob, f.words(), f.stopwordDensity()));
        }
        return new CleanResult(decisions, bestStart, bestEnd, ctx.relatedStart(), ctx.siteName(), features);
    }

    private static boolean hasKeptBefore(boolean[] keep, BlockClass[] cls, int i, int lo) {
        for (int k = i - 1; k >= lo; k--) {
            if (keep[k]) {
                return true;
            }
            if (cls[k] != BlockClass.SHORT) {
                return false;
            }
        }
        return false;
    }

    private static boolean hasKeptAfter(boolean[] keep, BlockClass[] cls, int i, int hi) {
        for (int k = i + 1; k <= hi; k++) {
            if (keep[k] && cls[k] != BlockClass.SHORT) {
                return true;
            }
            if (cls[k] != BlockClass.SHORT || i + 3 < k) {
                return false;
            }
        }
        return false;
    }

    private double value(BlockClass c, BlockFeatures f) {
        return switch (c) {
            case GOOD -> f.words();
            case NEAR -> f.words() * settings.nearWeight();
            case SHORT -> -settings.shortPenalty();
            case BAD -> -settings.badPenalty();
        };
    }

    private BlockClass classify(BlockFeatures f, boolean noStopwords) {
        if (noStopwords) {
            // a script without a stopword list (CJK, Thai...): judge by length and sentence ends
            if (f.chars() >= 80 && f.terminal() || f.chars() >= 200) {
                return BlockClass.GOOD;
            }
            return f.chars() >= 30 && f.terminal() ? BlockClass.NEAR : BlockClass.SHORT;
        }
        double sd = f.stopwordDensity();
        if (f.words() >= settings.goodMinWords() && sd >= settings.goodMinStopDensity()
                || f.words() >= 40 && sd >= settings.goodMinStopDensity() * 0.6) {
            return BlockClass.GOOD;
        }
        if (f.words() >= settings.nearMinWords() && sd >= settings.nearMinStopDensity()
                || f.terminal() && f.words() >= 4 && sd >= settings.goodMinStopDensity()) {
            return BlockClass.NEAR;
        }
        return BlockClass.SHORT;
    }

    private Rule firstMatch(String text, List<RuleSet> ruleSets) {
        if (text.length() > settings.maxRuleBlockChars()) {
            return null;
        }
        int codePoints = text.codePointCount(0, text.length());
        String folded = null; // for the rules' literal checks, folded once when a rule has literals
        boolean empty = text.isEmpty();
        int first = empty ? 0 : text.codePointAt(0);
        int firstFolded = RegexFacts.foldCodePoint(first);
        for (RuleSet set : ruleSets) {
            for (Rule r : set.rules()) {
                if (!empty && !r.first().mayBegin(first, firstFolded)) {
                    continue; // no match begins with the block's first character
                }
                if (codePoints > r.maxCodePoints()) {
                    continue; // longer than any match
                }
                if (folded == null && !r.literals().isEmpty()) {
                    folded = Rule.fold(text);
                }
                if (r.matchesFrom(text, folded)) {
                    return r;
                }
            }
        }
        return null;
    }
}
