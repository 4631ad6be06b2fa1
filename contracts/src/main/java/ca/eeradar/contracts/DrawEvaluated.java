package ca.eeradar.contracts;

/** Summary of one evaluation of the stored pool against one revision of a round. */
public record DrawEvaluated(
        String drawNumber, int drawRevision, long evaluated, long eligible, long likely, long durationMs) {}
