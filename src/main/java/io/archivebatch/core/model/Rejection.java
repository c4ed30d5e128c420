package io.archivebatch.core.model;

/**
 * An input that could not become an article; one line of {@code rejects.jsonl}.
 *
 * @param source where it came from
 * @param reason a stable machine-readable code ({@code empty}, {@code binary}, {@code unreadable}, ...)
 * @param detail a human-readable explanation
 */
public record Rejection(String source, String reason, String detail) {
}
