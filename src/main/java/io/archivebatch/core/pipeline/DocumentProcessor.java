package io.archivebatch.core.pipeline;

import io.archivebatch.core.clean.BlockContext;
import io.archivebatch.core.clean.BlockDecision;
import io.archivebatch.core.clean.BlockSegmenter;
import io.archivebatch.core.clean.BoilerplateCleaner;
import io.archivebatch.core.clean.CleanResult;
import io.archivebatch.core.clean.LineHashes;
import io.archivebatch.core.clean.Rule;
import io.archivebatch.core.clean.RuleKind;
import io.archivebatch.core.clean.RuleSet;
import io.archivebatch.core.clean.SiteKeys;
import io.archivebatch.core.clean.SiteProfiles;
import io.archivebatch.core.clean.TextNormalizer;
import io.archivebatch.core.extract.AuthorExtractor;
import io.archivebatch.core.extract.DateExtractor;
import io.archivebatch.core.extract.DatelineExtractor;
import io.archivebatch.core.extract.DocumentView;
import io.archivebatch.core.extract.Extracted;
import io.archivebatch.core.extract.LanguageDetector;
import io.archivebatch.core.extract.RelatedExtractor;
import io.archivebatch.core.extract.SiteExtractor;
import io.archivebatch.core.extract.TitleExtractor;
import io.archivebatch.core.model.Article;
import io.archivebatch.core.model.Block;
import io.archivebatch.core.model.Outcome;
import io.archivebatch.core.model.RawDocument;
import io.archivebatch.core.model.Rejection;
import io.archivebatch.core.text.Mojibake;
import io.archivebatch.core.text.Stopwords;
import io.archivebatch.core.text.TextBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One document through the whole cleaning pipeline: normalize → segment → clean (rules, classifier, main region)
 * → extract metadata → body. Thread-safe and free of I/O; the batch layer calls it for each item.
 */
public final class DocumentProcessor {

    /** Everything the pipeline decided about one document, for {@code --explain} and tests. */
    public record Trace(Outcome outcome, List<Block> blocks, CleanResult clean, Set<Integer> metadataBlocks,
                        int profileLinesStripped) {
    }

    private final CleaningConfig config;
    /** Whether a site's rules name the sites they apply to: then a document's site name is looked for. */
    private final boolean siteRulesNamingSites;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final BlockSegmenter segmenter;
    private final BoilerplateCleaner cleaner;
    private final LanguageDetector languages = new LanguageDetector();
    private final TitleExtractor titles = new TitleExtractor();
    private final DateExtractor dates = new DateExtractor();
    private final AuthorExtractor authors = new AuthorExtractor();
    private final SiteExtractor sites = new SiteExtractor();
    private final RelatedExtractor related = new RelatedExtractor();
    private final DatelineExtractor datelines = new DatelineExtractor();
    private final Stopwords stopwords = Stopwords.get();

    public DocumentProcessor(CleaningConfig config) {
        this.config = config;
        this.siteRulesNamingSites = config.siteRules().stream().anyMatch(s -> !s.sites().isEmpty());
        this.cleaner = new BoilerplateCleaner(config.settings(), config.blockModel());
        // each document word is looked up among the stopwords and the block lexicon's words as it is tokenized
        this.segmenter = config.blockModel() == null || config.blockModel().lexicon() == null ? new BlockSegmenter()
                : new BlockSegmenter(config.blockModel().lexicon().knownWords());
    }

    /**
     * The document's outcome. Its blocks are let go before this returns, so the thread's vocabulary is kept for its
     * next document ({@link BlockSegmenter#segmentReusing}); {@link #trace} and {@link #analyze} give blocks out and
     * make a new one.
     */
    public Outcome process(RawDocument doc) {
        return trace(doc, true, false).outcome();
    }

    /**
     * {@link #process} as a writer needs it: an article's body only as its UTF-8 bytes, encoded from the kept blocks
     * (no string of the whole body is made), the article's own body null, as {@link Outcome.Accepted#bodyAsBytesOnly}
     * gives it.
     */
    public Outcome processBodyAsBytes(RawDocument doc) {
        return trace(doc, true, true).outcome();
    }

    /** The cleaner's analysis of a document before the keep/drop decision (null when it has no text). */
    public record Analysis(List<Block> blocks, String language, BlockContext context, int profileLinesStripped) {
    }

    public Analysis analyze(RawDocument doc) {
        return analyze(doc, false);
    }

    private Analysis analyze(RawDocument doc, boolean reuse) {
        // normalized into the thread's array, the profile's lines cut into the thread's builder: the blocks are cut
        // from those chars, and a string of the whole text is made only to repair it (mojibake past a profile's cut)
        TextNormalizer.Chars normalized = normalizer.normalizeToChars(doc.text());
        char[] t = normalized.chars();
        int length = normalized.length();
        LineHashes chrome = config.profiles().isEmpty() ? LineHashes.EMPTY
                : config.profiles().lines(SiteKeys.of(doc.source(), doc.url()));
        String text = null;
        int stripped = 0;
        if (!chrome.isEmpty()) {
            // the kept lines of normalized text are normalized: only the blank lines around a removed line
            // need collapsing (one blank line between paragraphs, none before the first or after the last)
            TextBuilder kept = TextBuilder.forThisThread();
            boolean blank = false;
            int[] starts = new int[SiteProfiles.MAX_SUFFIX_WORDS + 1];
            for (int from = 0, to; from <= length; from = to + 1) {
                to = SiteProfiles.lineEnd(t, from, length);
                int end = from == to ? to : SiteProfiles.keptEnd(t, from, to, chrome, starts);
                if (end != to && isMarker(new String(t, from, to - from))) {
                    end = to; // only lines the profile would cut are checked against the rules
                }
                if (end != to) {
                    stripped++;
                }
                if (end < 0) {
                    continue;
                }
                if (end == from) {
                    blank = kept.length() > 0;
                    continue;
                }
                if (kept.length() > 0) {
                    kept.append('\n');
                    if (blank) {
                        kept.append('\n');
                    }
                }
                blank = false;
                kept.append(t, from, end);
            }
            if (stripped > 0) {
                t = kept.chars();
                length = kept.length();
                if (Mojibake.mayRepair(t, 0, length)) {
                    text = kept.toString();
                    if (Mojibake.repair(text) != text) {
                        // text encoded more than twice: normalizing again decodes one more layer, as it always did
                        text = normalizer.normalize(text);
                    }
                }
            }
        }
        TimeLimit.checkInterrupted();
        // segmented from the chars where they need no more change: no string of the whole text is made
        List<Block> blocks = text != null ? (reuse ? segmenter.segmentReusing(text) : segmenter.segment(text))
                : reuse ? segmenter.segmentReusing(t, length) : segmenter.segment(t, length);
        TimeLimit.checkInterrupted();
        if (blocks.isEmpty()) {
            return null;
        }
        String language = proseLanguage(blocks);
        if (language == null && doc.given("language") != null) {
            language = doc.given("language"); // the page's declared language, when the text alone does not tell
        }
        Set<String> stop = language != null && stopwords.languages().contains(language) ? stopwords.of(language)
                : stopwords.of("en");
        return new Analysis(blocks, language, cleaner.analyze(blocks, applicableRules(doc, blocks), stop), stripped);
    }

    /** Lines the rules give a meaning (related list heads, end markers, site names) stay for the rules. */
    private boolean isMarker(String line) {
        int codePoints = line.codePointCount(0, line.length());
        for (RuleKind k : new RuleKind[]{RuleKind.RELATED, RuleKind.END, RuleKind.SITE_NAME}) {
            for (Rule r : config.builtin().rulesOf(k)) {
                if (r.matches(line, codePoints)) {
                    return true;
                }
            }
            for (RuleSet set : config.siteRules()) {
                for (Rule r : set.rulesOf(k)) {
                    if (r.matches(line, codePoints)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public Trace trace(RawDocument doc) {
        return trace(doc, false, false);
    }

    private Trace trace(RawDocument doc, boolean reuse, boolean bodyAsBytes) {
        Analysis analysis = analyze(doc, reuse);
        if (analysis == null) {
            return new Trace(Outcome.of(new Rejection(doc.source(), "empty", "no text after normalization")),
                    List.of(), null, Set.of(), 0);
        }
        List<Block> blocks = analysis.blocks();
        String language = analysis.language();
        TimeLimit.checkInterrupted();
        CleanResult clean = cleaner.decide(analysis.context());
        TimeLimit.checkInterrupted();
        DocumentView view = new DocumentView(doc.source(), doc.url(), blocks, clean);

        Set<Integer> meta = new HashSet<>();
        Extracted title = titles.extract(view);
        String givenTitle = doc.given("title");
        if (givenTitle != null && title != null && !io.archivebatch.core.eval.Scorer.sameText(title.value(), givenTitle)) {
            title = null; // the export states its title: a different line found here is not it
        }
        if (title != null && title.consumed()) {
            meta.add(title.block());
        }
        DateExtractor.Dates d = dates.extract(view);
        meta.addAll(d.consumed());
        Extracted author = authors.extract(view);
        if (author != null && author.consumed()) {
            meta.add(author.block());
        }
        List<String> paragraphs = new ArrayList<>();
        int bodyWords = 0; // Tokens.count of the body: the blocks' counts add up (they are joined by blank lines)
        for (BlockDecision decision : clean.decisions()) {
            if (decision.keep() && !meta.contains(decision.block().index())) {
                paragraphs.add(decision.block().text());
                bodyWords += decision.block().wordCount();
            }
        }
        if (paragraphs.isEmpty() && !meta.isEmpty()) {
            // the metadata took every kept block: a one-paragraph page keeps its paragraph as body, not as a title
            for (BlockDecision decision : clean.decisions()) {
                if (decision.keep()) {
                    paragraphs.add(decision.block().text());
                    bodyWords += decision.block().wordCount();
                    meta.remove(decision.block().index());
                }
            }
            if (title != null && !meta.contains(title.block())) {
                title = null;
            }
        }
        if (paragraphs.isEmpty()) {
            return new Trace(Outcome.of(new Rejection(doc.source(), "no_article_text",
                    "no block of the document looks like article text (" + blocks.size() + " blocks, all chrome)")),
                    blocks, clean, meta, analysis.profileLinesStripped());
        }
        String body = bodyAsBytes ? null : String.join("\n\n", paragraphs);
        Hashing.Utf8Sha256 hashed = bodyAsBytes ? Hashing.utf8AndSha256(paragraphs, "\n\n") : Hashing.utf8AndSha256(body);
        Article a = new Article(
                Hashing.sha256(doc.source()).substring(0, 16),
                doc.source(),
                doc.url(),
                doc.given("site") != null ? doc.given("site") : sites.extract(view),
                givenTitle != null ? givenTitle : title == null ? null : title.value(),
                doc.given("author") != null ? doc.given("author") : author == null ? null : author.value(),
                doc.given("published") != null ? doc.given("published") : d.published(),
                doc.given("updated") != null ? doc.given("updated") : d.updated(),
                datelines.extract(paragraphs.get(0)),
                language,
                body,
                bodyWords,
                related.extract(view),
                hashed.sha256(),
                null,
                doc.flags(),
                doc.given("captured"));
        return new Trace(Outcome.of(a, hashed.utf8()), blocks, clean, meta, analysis.profileLinesStripped());
    }

    /**
     * The language of the prose: the stopword masks of its first word tokens, from the blocks of 60 characters or
     * more, up to the one that passes 20,000 characters (the blocks' cached tokens and their words' masks in the
     * document's vocabulary: the same as tokenizing the blocks joined by newlines).
     */
    private String proseLanguage(List<Block> blocks) {
        int[] hits = languages.newHits();
        int count = 0;
        long chars = 0;
        for (Block b : blocks) {
            if (b.text().length() >= 60) {
                int[] ids = b.wordIds();
                int take = Math.min(ids.length, LanguageDetector.SAMPLE - count);
                LanguageDetector.addHits(hits, b.vocabulary(), ids, take);
                count += take;
                chars += b.text().length() + 1;
                if (chars > 20000 || count >= LanguageDetector.SAMPLE) {
                    break;
                }
            }
        }
        return languages.detectHits(hits, count);
    }

    private List<RuleSet> applicableRules(RawDocument doc, List<Block> blocks) {
        List<RuleSet> out = new ArrayList<>();
        if (!config.siteRules().isEmpty()) {
            String host = SiteExtractor.host(doc.url());
            String site = null;
            if (siteRulesNamingSites) {
                site = siteName(blocks);
            }
            for (RuleSet s : config.siteRules()) {
                if (s.appliesTo(doc.source(), host, site)) {
                    out.add(s);
                }
            }
        }
        out.add(config.builtin());
        return out;
    }

    private String siteName(List<Block> blocks) {
        List<Rule> siteRules = config.builtin().rulesOf(RuleKind.SITE_NAME);
        for (int i = blocks.size() - 1; i >= 0; i--) {
            String t = blocks.get(i).text();
            if (t.length() > 120) {
                continue;
            }
            for (Rule r : siteRules) {
                String name = r.capture(t);
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }
}
