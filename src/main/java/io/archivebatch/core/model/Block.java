package io.archivebatch.core.model;

import java.util.List;

/**
 * A block of a normalized document: the lines between two blank lines.
 *
 * @param index position in the document, from 0
 * @param text  the block's lines joined with a newline
 */
public record Block(int index, String text) {
    public List<String> lines() {
        return List.of(text.split("\n"));
    }
}
