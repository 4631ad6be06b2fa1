package ca.eeradar.scoring.pool;

import ca.eeradar.crs.DecodedProfile;
import java.time.Instant;

/** One candidate of a partition's pool, decoded once when its record arrives: a draw only reads it. */
public record PoolEntry(String candidateId, Instant submittedAt, DecodedProfile profile) {}
