package ca.eeradar.kit.deadletters;

import ca.eeradar.kit.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What to redrive: the dead letters of {@code topic} (the original topic, e.g. express-entry.draws),
 * either the records at {@code offsets} of its DLQ or {@code all} of them, and of those only the ones
 * whose {@code dead-letter-reason} or exception class is {@code reason}, when given.
 */
public record RedriveRequest(String topic, List<DeadLetterPosition> offsets, Boolean all, String reason) {

    /** A record of the DLQ. */
    public record DeadLetterPosition(Integer partition, Long offset) {}

    /** Every bad field, by name (empty: the request is good). */
    public List<Problem.FieldError> problems(List<String> consumed) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (topic == null || topic.isBlank()) {
            errors.add(new Problem.FieldError("topic", "required: one of " + consumed));
        } else if (!consumed.contains(topic)) {
            errors.add(new Problem.FieldError("topic", "not a topic this service dead-letters; one of " + consumed));
        }
        boolean everything = Boolean.TRUE.equals(all);
        boolean some = offsets != null && !offsets.isEmpty();
        if (everything && some) {
            errors.add(new Problem.FieldError("all", "either offsets or all, not both"));
        } else if (!everything && !some) {
            errors.add(new Problem.FieldError("offsets", "required (at least one) unless all is true"));
        }
        if (offsets != null) {
            for (int i = 0; i < offsets.size(); i++) {
                DeadLetterPosition p = offsets.get(i);
                if (p == null) {
                    errors.add(new Problem.FieldError("offsets[" + i + "]", "required"));
                    continue;
                }
                if (p.partition() == null || p.partition() < 0) {
                    errors.add(new Problem.FieldError("offsets[" + i + "].partition", "required, 0 or more"));
                }
                if (p.offset() == null || p.offset() < 0) {
                    errors.add(new Problem.FieldError("offsets[" + i + "].offset", "required, 0 or more"));
                }
            }
        }
        if (reason != null && reason.isBlank()) {
            errors.add(new Problem.FieldError("reason", "must not be blank when given"));
        }
        return errors;
    }
}
