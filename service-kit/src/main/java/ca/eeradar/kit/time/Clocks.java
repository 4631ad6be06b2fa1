package ca.eeradar.kit.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one clock of each service: only the edges read it; everything below takes the instant or the date as a parameter. Tests replace it with an alternative bean. */
@ApplicationScoped
public class Clocks {
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
