package ca.eeradar.contracts;

import ca.eeradar.contracts.rules.Category;
import ca.eeradar.contracts.rules.Program;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A round of invitations, the payload of DrawAnnounced and DrawCorrected (schema
 * {@code schemas/draw.v1.schema.json}). {@code number} is a string because IRCC numbered two
 * rounds of 2018-05-30 "91a" and "91b".
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Draw(
        String number,
        LocalDate date,
        Instant drawnAt,
        String name,
        RoundType roundType,
        Program program,
        Category category,
        String categoryVersion,
        List<Program> eligiblePrograms,
        int invitations,
        int crsCutoff,
        /** Profile submission time of the last invited candidate at the cutoff; null before round #77. */
        Instant tieBreakAt,
        Pool pool,
        int revision,
        Source source) {

    public enum RoundType {
        GENERAL,
        PROGRAM,
        CATEGORY
    }

    /** The pool snapshot IRCC published with the round: non-overlapping bands only (never dd3/dd9/dd18). */
    public record Pool(LocalDate asOf, int total, List<Band> bands) {}

    public record Band(int min, int max, int count) {}

    public enum SourceKind {
        IRCC_FEED,
        MANUAL
    }

    public record Source(SourceKind kind, String reference, Instant receivedAt) {}

    public Draw withRevision(int newRevision, Source newSource) {
        return new Draw(
                number,
                date,
                drawnAt,
                name,
                roundType,
                program,
                category,
                categoryVersion,
                eligiblePrograms,
                invitations,
                crsCutoff,
                tieBreakAt,
                pool,
                newRevision,
                newSource);
    }
}
