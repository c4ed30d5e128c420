package io.archivebatch.core.clean;

/** What a boilerplate rule does with a block that matches it. */
public enum RuleKind {
    /** The block is chrome: drop it. */
    DROP("drop"),
    /** The block ends the article: it and what follows are not body (footer, comments, author box...). */
    END("end"),
    /** The block heads a list of teasers of other articles: it ends the body, the teasers go to {@code related}. */
    RELATED("related"),
    /** The block names the site ({@code About <Site>}, {@code © 2024 <Site>}): group 1 is the name; dropped. */
    SITE_NAME("site-name");

    private final String keyword;

    RuleKind(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static RuleKind fromKeyword(String k) {
        for (RuleKind r : values()) {
            if (r.keyword.equals(k)) {
                return r;
            }
        }
        return null;
    }
}
