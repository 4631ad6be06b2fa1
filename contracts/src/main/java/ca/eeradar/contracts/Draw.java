package ca.eeradar.contracts;

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

    public enum Program {
        CEC,
        FSW,
        FST,
        PNP
    }

    public enum Category {
        FRENCH_LANGUAGE,
        HEALTHCARE,
        HEALTHCARE_SOCIAL_SERVICES,
        STEM,
        TRADES,
        TRANSPORT,
        AGRICULTURE_AGRI_FOOD,
        EDUCATION,
        PHYSICIANS_CANADIAN_EXPERIENCE,
        SENIOR_MANAGERS_CANADIAN_EXPERIENCE,
        RESEARCHERS_CANADIAN_EXPERIENCE,
        SKILLED_MILITARY_RECRUITS
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
