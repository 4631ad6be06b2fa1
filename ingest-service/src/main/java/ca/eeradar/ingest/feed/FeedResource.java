package ca.eeradar.ingest.feed;

import ca.eeradar.kit.ProblemException;
import ca.eeradar.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A feed document posted by an operator goes the same way as a polled one; the poller can be asked and nudged. */
@Path("/api/v1/feeds/ircc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class FeedResource {
    static final String REFERENCE = "api:POST /api/v1/feeds/ircc";

    @Inject
    FeedImporter importer;

    @Inject
    FeedPoller poller;

    /** Any content type: IRCC serves the file as application/json, curl --data-binary sends form-urlencoded. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public FeedReport importFeed(byte[] document) {
        if (document == null || document.length == 0) {
            throw ProblemException.invalid("body", "a rounds feed document is required");
        }
        try {
            return importer.importFeed(document, REFERENCE);
        } catch (FeedFormatException e) {
            throw ProblemException.invalid(e.field(), e.getMessage());
        }
    }

    @GET
    @Path("status")
    public FeedPoller.Status status() {
        return poller.status();
    }

    /** Polls the configured URL now instead of waiting for the schedule. */
    @POST
    @Path("poll")
    public FeedPoller.Status poll() {
        return poller.poll();
    }
}
