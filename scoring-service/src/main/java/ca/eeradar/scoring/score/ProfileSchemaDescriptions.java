package ca.eeradar.scoring.score;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Descriptions of profile fields whose meaning is easy to get wrong, added to the OpenAPI document
 * here because the profile records live in the pure {@code crs} package, which imports no framework
 * (so no {@code @Schema} annotations there).
 */
@OpenApiFilter
public class ProfileSchemaDescriptions implements OASFilter {
    /** Issue 18: what each value means and scores, with IRCC's source (docs/crs-rules.md says the same). */
    static final String CANADIAN_CREDENTIAL = """
            The candidate's Canadian post-secondary credential, if any, with the three choices of IRCC's profile \
            form. It alone decides the additional points for Canadian post-secondary education; `level` (the \
            highest credential held anywhere, perhaps abroad) never raises them. \
            NONE: no Canadian post-secondary credential, 0 points (e.g. a doctorate from abroad only). \
            ONE_OR_TWO_YEARS: a Canadian credential of one or two years, 15 points (e.g. a master's from abroad, \
            with an ECA, plus a one-year Canadian diploma: level MASTERS, canadianCredential ONE_OR_TWO_YEARS, \
            15 points). \
            THREE_YEARS_OR_MORE: a Canadian credential of three years or more, or a Canadian master's, \
            entry-to-practice professional or doctoral degree of at least one academic year, 30 points (e.g. a \
            one-year master's from a Canadian university: level MASTERS, canadianCredential THREE_YEARS_OR_MORE, \
            30 points). \
            Source: Ministerial Instructions respecting the Express Entry system, section 30; IRCC, \
            "Comprehensive Ranking System (CRS) criteria - Express Entry".""";

    static final String LEVEL = """
            The highest credential held anywhere, Canadian or foreign (core and skill-transferability education \
            points); a foreign one scores only with an ECA issued less than 5 years before (ecaIssuedOn). It does \
            not change the Canadian-study points: see canadianCredential.""";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema education = openAPI.getComponents().getSchemas().get("Education");
        Map<String, Schema> properties = education == null ? null : education.getProperties();
        if (properties == null) {
            return;
        }
        describe(properties.get("canadianCredential"), CANADIAN_CREDENTIAL);
        describe(properties.get("level"), LEVEL);
    }

    private static void describe(Schema property, String description) {
        if (property != null) {
            property.setDescription(description);
        }
    }
}
