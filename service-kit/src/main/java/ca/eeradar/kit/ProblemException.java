package ca.eeradar.kit;

import java.util.List;

/** Thrown by services to answer a problem: 400 with field errors, 404, 409, 412, ... */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.invalid(errors));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " not found"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(412, "precondition-failed", "Precondition failed", detail));
    }
}
