package ca.eeradar.scoring.profiles;

import ca.eeradar.contracts.rules.CandidateId;
import ca.eeradar.crs.Profile;
import ca.eeradar.crs.ProfileValidator;
import ca.eeradar.crs.Violation;
import ca.eeradar.kit.Problem;
import ca.eeradar.kit.ProblemException;
import ca.eeradar.scoring.profiles.ProfileStore.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a profile to store must satisfy, as field errors named the way the client sent them ({@code
 * dateOfBirth} in a PUT body, {@code items[3].profile.dateOfBirth} in an import): the CRS validator's
 * rules, the shared candidate-id rule, and one profile per candidate per import.
 */
@ApplicationScoped
public class ProfileChecks {
    @Inject
    ProfileValidator validator;

    /** The body of a PUT: nothing is stored unless this passes. */
    void checkOne(String candidateId, Profile profile, LocalDate today) {
        checkId(candidateId);
        List<Problem.FieldError> errors = violations(profile, today, "");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Every item of an import, all errors at once; answers the distinct candidate ids. */
    List<String> checkAll(List<Submission> items, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String item = "items[" + i + "]";
            Submission s = items.get(i);
            if (s == null) {
                errors.add(new Problem.FieldError(item, "an item {candidateId, profile} is required"));
                continue;
            }
            if (!validId(s.candidateId())) {
                errors.add(new Problem.FieldError(item + ".candidateId", CandidateId.DESCRIPTION));
            } else {
                Integer first = firstIndex.putIfAbsent(s.candidateId(), i);
                if (first != null) {
                    // Two profiles for one candidate in one request: which one wins would be an accident of order.
                    errors.add(new Problem.FieldError(
                            item + ".candidateId",
                            "same candidate as items[" + first + "]: one profile per candidate per import"));
                }
            }
            errors.addAll(violations(s.profile(), today, item + ".profile"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ArrayList<>(firstIndex.keySet());
    }

    /** Everything wrong with a profile, fields prefixed with {@code path} ("" for a PUT body). */
    private List<Problem.FieldError> violations(Profile profile, LocalDate today, String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        List<Problem.FieldError> errors = new ArrayList<>();
        if (profile == null) {
            errors.add(new Problem.FieldError(path.isEmpty() ? "body" : path, "a profile is required"));
            return errors;
        }
        boolean submittedAtNamed = false;
        for (Violation v : validator.validate(profile, today)) {
            errors.add(new Problem.FieldError(prefix + v.field(), v.message()));
            submittedAtNamed |= v.field().equals("profileSubmittedAt");
        }
        if (profile.profileSubmittedAt() == null && !submittedAtNamed) {
            errors.add(new Problem.FieldError(
                    prefix + "profileSubmittedAt", "is required (the pool and the tie-break depend on it)"));
        }
        return errors;
    }

    static void checkId(String candidateId) {
        if (!validId(candidateId)) {
            throw ProblemException.invalid("candidateId", CandidateId.DESCRIPTION);
        }
    }

    static boolean validId(String candidateId) {
        return CandidateId.isValid(candidateId);
    }
}
