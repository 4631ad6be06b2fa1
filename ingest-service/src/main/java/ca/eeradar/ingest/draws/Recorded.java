package ca.eeradar.ingest.draws;

import ca.eeradar.contracts.Draw;

/** What recording a round did: the draw as stored now, and whether an event was written for it. */
public record Recorded(Outcome outcome, Draw draw) {
    public enum Outcome {
        /** A new round: revision 1, DrawAnnounced. */
        ANNOUNCED,
        /** Different facts for a known round: a new revision, DrawCorrected. */
        CORRECTED,
        /** The same facts as the current revision: nothing written, no event. */
        UNCHANGED
    }
}
