package io.archivebatch.core.ingest.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a lowercase class-and-id string holds one of some names as a whole part: starting at the string's start
 * or after a {@code -}, {@code _} or space, and ending at its end or before one — what the regular expression
 * {@code (^|[-_ ])(name1|name2|...)($|[-_ ])} finds in a string without line terminators, read only at the starts of
 * parts and only against the names with the part's first letter. The pruner asks it of every element of a page,
 * where the expression tried its alternatives at every character.
 */
final class ClassNames {

    /** names by their first char (ASCII); non-ASCII first chars in {@link #others} */
    private final String[][] byFirst = new String[128][];
    private final String[] others;

    /** @param names the alternatives, each spelled out (no regex syntax) */
    ClassNames(List<String> names) {
        List<List<String>> lists = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            lists.add(new ArrayList<>());
        }
        List<String> rest = new ArrayList<>();
        for (String n : names) {
            if (n.isEmpty()) {
                throw new IllegalArgumentException("empty name");
            }
            char c = n.charAt(0);
            (c < 128 ? lists.get(c) : rest).add(n);
        }
        for (int c = 0; c < 128; c++) {
            byFirst[c] = lists.get(c).toArray(String[]::new);
        }
        others = rest.toArray(String[]::new);
    }

    static ClassNames of(String... names) {
        return new ClassNames(List.of(names));
    }

    boolean find(String s) {
        int n = s.length();
        for (int start = 0; start < n; start++) {
            if (start > 0 && !isSeparator(s.charAt(start - 1))) {
                continue;
            }
            char c = s.charAt(start);
            for (String name : c < 128 ? byFirst[c] : others) {
                int end = start + name.length();
                if (s.startsWith(name, start) && (end == n || isSeparator(s.charAt(end)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == ' ';
    }
}
