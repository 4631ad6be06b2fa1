package ca.eeradar.scoring.profiles;

import ca.eeradar.crs.Profile;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * A profile whose lists stay within {@link Profile#MAX_LANGUAGE_TESTS} and {@link Profile#MAX_WORK_EXPERIENCE}
 * (the candidate's and the spouse's), checked by Bean Validation before anything is scored or stored. The
 * profile record itself stays free of jakarta annotations (the CRS engine is a pure module), so the
 * constraint sits on the request parameter and names each list that is too long.
 */
@Target({
    ElementType.PARAMETER,
    ElementType.FIELD,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BoundedLists.Check.class)
public @interface BoundedLists {
    String message() default "too many entries";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<BoundedLists, Profile> {
        @Override
        public boolean isValid(Profile profile, ConstraintValidatorContext context) {
            if (profile == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = within(context, "languageTests", profile.languageTests(), Profile.MAX_LANGUAGE_TESTS)
                    & within(context, "workExperience", profile.workExperience(), Profile.MAX_WORK_EXPERIENCE);
            if (profile.spouse() != null) {
                valid &= within(
                                context,
                                "spouse.languageTests",
                                profile.spouse().languageTests(),
                                Profile.MAX_LANGUAGE_TESTS)
                        & within(
                                context,
                                "spouse.workExperience",
                                profile.spouse().workExperience(),
                                Profile.MAX_WORK_EXPERIENCE);
            }
            return valid;
        }

        private static boolean within(ConstraintValidatorContext context, String field, List<?> list, int max) {
            if (list == null || list.size() <= max) {
                return true;
            }
            var violation = context.buildConstraintViolationWithTemplate(
                    "at most " + max + " entries (" + list.size() + " given)");
            String[] nodes = field.split("\\.");
            var node = violation.addPropertyNode(nodes[0]);
            for (int i = 1; i < nodes.length; i++) {
                node = node.addPropertyNode(nodes[i]);
            }
            node.addConstraintViolation();
            return false;
        }
    }
}
