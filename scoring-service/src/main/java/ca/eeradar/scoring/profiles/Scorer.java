package ca.eeradar.scoring.profiles;

import ca.eeradar.crs.CrsEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The CRS engine this service's pipeline scores with: the one the application configures
 * ({@code score.CrsEngineProducer}, e.g. with the operator's 2026-11-03 high-wage values). The engine
 * itself is pure and thread-safe.
 */
@ApplicationScoped
public class Scorer {
    private final CrsEngine engine;

    @Inject
    public Scorer(CrsEngine engine) {
        this.engine = engine;
    }

    public CrsEngine engine() {
        return engine;
    }
}
