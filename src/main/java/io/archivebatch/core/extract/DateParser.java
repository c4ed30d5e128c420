package io.archivebatch.core.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first calendar date written in a piece of text, in the spellings news sites use: ISO-8601
 * ({@code 2018-10-09}, {@code 2018-10-09T12:00Z}), {@code 2018/10/09}, {@code October 9, 2018}, {@code Oct. 9th 2018},
 * {@code 9 October 2018}, {@code 9. Oktober 2018}, {@code 09.10.2018} (day first), {@code 10/09/2018} (month first
 * unless the first number is over 12), {@code 20181009}, with English, German, French, Spanish, Italian,
 * Portuguese and Dutch month names. Answers ISO {@code YYYY-MM-DD}, or null when there is no plausible date.
 */
public final class DateParser {

    /** A date found in a text: where it starts and ends, and its ISO form. */
    public record Found(String iso, int start, int end) {
    }

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] names = {
                {"january", "jan", "januar", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "jänner"},
                {"february", "feb", "febr", "februar", "février", "fevrier", "févr", "fév", "febrero", "febbraio", "fevereiro", "fev", "februari"},
                {"march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt"},
                {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
                {"may", "mai", "mayo", "maggio", "mag", "maio", "mei"},
                {"june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"},
                {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"},
                {"august", "aug", "août", "aout", "agosto", "ago", "augustus"},
                {"september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro"},
                {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"},
                {"november", "nov", "novembre", "noviembre", "novembro"},
                {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "desember"},
        };
        for (int m = 0; m < names.length; m++) {
            for (String s : names[m]) {
                MONTHS.put(s, m + 1);
            }
        }
    }

    private static final String MONTH = "(?<mon>[\\p{L}]{3,10})\\.?";
    private static final String DAY = "(?<day>[0-3]?\\d)(?:st|nd|rd|th|er|º|\\.)?";
    private static final String YEAR = "(?<year>(?:19|20)\\d\\d)";

    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d])(?<year>(?:19|20)\\d\\d)[-/.](?<mon>[01]?\\d)[-/.](?<day>[0-3]?\\d)(?![\\d])");
    private static final Pattern COMPACT = Pattern.compile("(?<![\\d])(?<year>(?:19|20)\\d\\d)(?<mon>[01]\\d)(?<day>[0-3]\\d)(?![\\d])");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}])" + MONTH + "\\s+" + DAY + ",?\\s+(?:at\\s+)?" + YEAR + "(?![\\d])",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<![\\d])" + DAY + "\\s*(?:de\\s+|of\\s+)?" + MONTH + ",?\\s+(?:de\\s+)?" + YEAR + "(?![\\d])",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.])(?<a>[0-3]?\\d)(?<sep>[./])(?<b>[01]?\\d)\\k<sep>(?<year>(?:19|20)\\d\\d)(?![\\d])");

    public String parse(String text) {
        Found f = find(text);
        return f == null ? null : f.iso();
    }

    public Found find(String text) {
        if (text == null || text.length() < 6 || !hasYear(text)) {
            return null; // every spelling has a year in ASCII digits, 19xx or 20xx (\\d is [0-9] in these patterns)
        }
        Found best = null;
        best = earliest(best, iso(text));
        best = earliest(best, named(MONTH_DAY_YEAR, text));
        best = earliest(best, named(DAY_MONTH_YEAR, text));
        best = earliest(best, numeric(text));
        if (best == null) {
            best = compact(text);
        }
        return best;
    }

    /** The text holds "19" or "20" and two more ASCII digits: what the {@code year} group of every pattern needs. */
    static boolean hasYear(String text) {
        for (int i = text.length() - 4; i >= 0; i--) {
            char c = text.charAt(i);
            if ((c == '1' || c == '2') && text.charAt(i + 1) == (c == '1' ? '9' : '0') && isDigit(text.charAt(i + 2))
                    && isDigit(text.charAt(i + 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Found earliest(Found a, Found b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.start() < a.start() ? b : a;
    }

    private static Found iso(String text) {
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            String d = make(Integer.parseInt(m.group("year")), Integer.parseInt(m.group("mon")), Integer.parseInt(m.group("day")));
            if (d != null) {
                return new Found(d, m.start(), m.end());
            }
        }
        return null;
    }

    private static Found compact(String text) {
        Matcher m = COMPACT.matcher(text);
        while (m.find()) {
            String d = make(Integer.parseInt(m.group("year")), Integer.parseInt(m.group("mon")), Integer.parseInt(m.group("day")));
            if (d != null) {
                return new Found(d, m.start(), m.end());
            }
        }
        return null;
    }

    private static Found named(Pattern p, String text) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            Integer mon = MONTHS.get(m.group("mon").toLowerCase(Locale.ROOT));
            if (mon == null) {
                continue;
            }
            String d = make(Integer.parseInt(m.group("year")), mon, Integer.parseInt(m.group("day")));
            if (d != null) {
                return new Found(d, m.start(), m.end());
            }
        }
        return null;
    }

    private static Found numeric(String text) {
        Matcher m = NUMERIC.matcher(text);
        while (m.find()) {
            int a = Integer.parseInt(m.group("a"));
            int b = Integer.parseInt(m.group("b"));
            int y = Integer.parseInt(m.group("year"));
            String d;
            if (m.group("sep").equals(".") || a > 12) {
                d = make(y, b, a);
            } else {
                d = make(y, a, b);
            }
            if (d != null) {
                return new Found(d, m.start(), m.end());
            }
        }
        return null;
    }

    private static String make(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
