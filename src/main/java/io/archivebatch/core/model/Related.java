package io.archivebatch.core.model;

/** A teaser of another article ("Check Also", "Related", ...): its title and the date shown with it. */
public record Related(String title, String published, String updated) {
}
