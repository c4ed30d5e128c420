package io.archivebatch.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word tokens as the scoring rules define them: lowercase, Unicode {@code \w+}. */
public final class Tokens {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private Tokens() {
    }

    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public static int count(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean w = Character.isLetterOrDigit(cp) || cp == '_' || Character.getType(cp) == Character.NON_SPACING_MARK;
            if (w && !in) {
                n++;
            }
            in = w;
            i += Character.charCount(cp);
        }
        return n;
    }
}
