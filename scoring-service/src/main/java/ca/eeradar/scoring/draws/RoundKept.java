package ca.eeradar.scoring.draws;

import ca.eeradar.contracts.Draw;

/** Fired once a round read from express-entry.draws is kept and handed to the evaluation. */
public record RoundKept(Draw draw) {}
