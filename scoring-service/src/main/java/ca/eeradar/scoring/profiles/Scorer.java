package ca.eeradar.scoring.profiles;

import ca.eeradar.scoring.crs.CrsEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The CRS engine this service's pipeline scores with: the one the application configures (a CDI
 * bean, e.g. with the operator's 2026-11-03 high-wage values) when there is one, otherwise the
 * official rule book. The engine itself is pure and thread-safe.
 */
@ApplicationScoped
public class Scorer {
    private final CrsEngine engine;

    @Inject
    public Scorer(Instance<CrsEngine> configured) {
        this.engine = configured.isResolvable() ? configured.get() : CrsEngine.withOfficialRules();
    }

    public CrsEngine engine() {
        return engine;
    }
}
