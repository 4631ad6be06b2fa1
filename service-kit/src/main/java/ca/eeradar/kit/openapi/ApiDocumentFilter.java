package ca.eeradar.kit.openapi;

import ca.eeradar.kit.security.Roles;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.OAuthFlows;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Makes every service's OpenAPI document complete in the same way, so that a client generator and a linter
 * see what they need without each resource repeating it: every operation has an operationId (from its
 * method and path), a description (its summary when it has none), a tag, and every tag it uses is declared;
 * the roles an operation requires are declared as the scopes of the bearer-token scheme (an OAuth2
 * client-credentials flow, the way a mobile backend obtains its token from the identity provider at
 * {@code ee-radar.api.token-url}), so a client knows which role to ask for.
 * Runs at build time, so the document stored under {@code target/openapi} (linted in CI) is the one served.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {
    private static final String API_PREFIX = "/api/v1/";
    static final String SCHEME = "jwt";
    static final String TOKEN_URL_PROPERTY = "ee-radar.api.token-url";
    static final String DEFAULT_TOKEN_URL = "https://identity.invalid/oauth2/token";
    private static final Map<String, String> ROLES = Map.of(
            Roles.READER, "Read rounds, pools, forecasts and a candidate's status (the mobile backend)",
            Roles.WRITER, "Store, read back and erase candidate profiles",
            Roles.ADMIN, "Announce and correct rounds, run operator actions");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> used = new LinkedHashSet<>();
        Set<String> roles = new java.util.TreeSet<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : operations.entrySet()) {
                complete(op.getValue(), op.getKey(), path.getKey());
                used.addAll(op.getValue().getTags());
                roles.addAll(roles(op.getValue()));
            }
        }
        declare(api, used);
        declareRoles(api, roles);
    }

    private static Set<String> roles(Operation operation) {
        Set<String> out = new LinkedHashSet<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                List<String> scopes = requirement.getScheme(SCHEME);
                if (scopes != null) {
                    out.addAll(scopes);
                }
            }
        }
        return out;
    }

    private static void declareRoles(OpenAPI api, Set<String> roles) {
        if (roles.isEmpty()
                || api.getComponents() == null
                || api.getComponents().getSecuritySchemes() == null) {
            return;
        }
        SecurityScheme scheme = api.getComponents().getSecuritySchemes().get(SCHEME);
        if (scheme == null) {
            return;
        }
        Map<String, String> scopes = new java.util.TreeMap<>();
        roles.forEach(role -> scopes.put(role, ROLES.getOrDefault(role, "Role " + role)));
        String tokenUrl = ConfigProvider.getConfig()
                .getOptionalValue(TOKEN_URL_PROPERTY, String.class)
                .orElse(DEFAULT_TOKEN_URL);
        OAuthFlow flow = OASFactory.createOAuthFlow().tokenUrl(tokenUrl).scopes(scopes);
        OAuthFlows flows = OASFactory.createOAuthFlows().clientCredentials(flow);
        scheme.setType(SecurityScheme.Type.OAUTH2);
        scheme.setScheme(null);
        scheme.setBearerFormat(null);
        scheme.setFlows(flows);
    }

    private static void complete(Operation operation, PathItem.HttpMethod method, String path) {
        if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
            operation.setOperationId(operationId(method, path));
        }
        if (operation.getDescription() == null || operation.getDescription().isBlank()) {
            String summary = operation.getSummary();
            operation.setDescription(summary == null || summary.isBlank() ? method + " " + path : summary);
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.setTags(new ArrayList<>(List.of(tagOf(path))));
        }
    }

    /** {@code GET /api/v1/draws/{number}} -> {@code getDrawsByNumber}: stable as long as the path is. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        String rest = path.startsWith(API_PREFIX) ? path.substring(API_PREFIX.length()) : path;
        for (String segment : rest.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    /** The first path segment after the API prefix: "draws", "candidates", "admin", ... */
    static String tagOf(String path) {
        String rest = path.startsWith(API_PREFIX) ? path.substring(API_PREFIX.length()) : path.replaceFirst("^/", "");
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        return first.isEmpty() ? "service" : first;
    }

    private static void declare(OpenAPI api, Set<String> used) {
        Set<String> declared = new LinkedHashSet<>();
        if (api.getTags() != null) {
            api.getTags().forEach(t -> declared.add(t.getName()));
        }
        for (String name : used) {
            if (!declared.contains(name)) {
                Tag tag = OASFactory.createTag().name(name).description("Operations on " + name);
                api.addTag(tag);
            }
        }
    }
}
