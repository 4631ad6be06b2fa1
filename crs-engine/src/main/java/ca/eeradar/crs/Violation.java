package ca.eeradar.crs;

/** One bad field of a profile: the JSON path ("languageTests[0].reading") and why. */
public record Violation(String field, String message) {}
