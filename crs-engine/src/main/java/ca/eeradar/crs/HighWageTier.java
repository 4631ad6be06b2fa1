package ca.eeradar.crs;

/**
 * Tier of an occupation's median wage against the national median, for the high-wage factor
 * reported from 2026-11-03 (docs/crs-rules.md#high-wage: 1.3x, 1.5x, 2x; point values UNCONFIRMED).
 */
public enum HighWageTier {
    NONE,
    X1_3,
    X1_5,
    X2
}
