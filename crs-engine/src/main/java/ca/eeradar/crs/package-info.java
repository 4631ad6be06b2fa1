/**
 * The Comprehensive Ranking System of Express Entry on a date: scores, program and category eligibility, timelines.
 * Pure Java, no framework.
 *
 * <p>Every IRCC rule implemented here is described in this project's words, with its official sources and
 * effective dates, in {@code docs/crs-rules.md}. A comment that cites a rule names the section's anchor, for
 * example {@code docs/crs-rules.md#transferability} or {@code docs/crs-rules.md#rule-sets}; the anchors are
 * stable. A rule changed by IRCC is changed in that document and in the class it names, together.
 */
package ca.eeradar.crs;
