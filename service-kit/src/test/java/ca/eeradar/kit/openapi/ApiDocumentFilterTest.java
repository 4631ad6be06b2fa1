package ca.eeradar.kit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

class ApiDocumentFilterTest {
    @Test
    void operationIdsComeFromMethodAndPath() {
        assertEquals(
                "getDrawsByNumber", ApiDocumentFilter.operationId(PathItem.HttpMethod.GET, "/api/v1/draws/{number}"));
        assertEquals(
                "postAdminReadModelRebuild",
                ApiDocumentFilter.operationId(PathItem.HttpMethod.POST, "/api/v1/admin/read-model/rebuild"));
        assertEquals(
                "getCandidatesByCandidateIdStatus",
                ApiDocumentFilter.operationId(PathItem.HttpMethod.GET, "/api/v1/candidates/{candidateId}/status"));
        assertEquals("putProfiles", ApiDocumentFilter.operationId(PathItem.HttpMethod.PUT, "/profiles"));
    }

    @Test
    void untaggedOperationsAreTaggedByTheirFirstPathSegment() {
        assertEquals("draws", ApiDocumentFilter.tagOf("/api/v1/draws/{number}"));
        assertEquals("admin", ApiDocumentFilter.tagOf("/api/v1/admin/dead-letters"));
        assertEquals("ping", ApiDocumentFilter.tagOf("/ping"));
        assertEquals("service", ApiDocumentFilter.tagOf("/"));
    }
}
