package ca.eeradar.contracts;

import java.time.Instant;

/** The candidate's profile was erased: every read model must forget everything about this id. */
public record CandidateErased(String candidateId, long profileVersion, Instant erasedAt) {}
