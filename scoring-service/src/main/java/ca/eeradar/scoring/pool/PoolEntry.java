package ca.eeradar.scoring.pool;

import java.time.Instant;

/**
 * One record of the profile topic as the pool takes it: the candidate, when the profile was submitted,
 * and the profile packed once when the record arrives ({@code PackedProfile}): a draw only reads it.
 */
public record PoolEntry(String candidateId, Instant submittedAt, int[] profile) {}
