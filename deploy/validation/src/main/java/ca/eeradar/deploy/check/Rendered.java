package ca.eeradar.deploy.check;

import ca.eeradar.deploy.model.StrictModels;

import java.util.List;
import java.util.stream.Stream;

/** The typed documents of one overlay (or fixture set), with look-ups the checks share. */
record Rendered(List<StrictModels.Typed> documents) {

    <T> Stream<Found<T>> all(Class<T> type) {
        return documents.stream().filter(d -> type.isInstance(d.resource()))
                .map(d -> new Found<>(d, type.cast(d.resource())));
    }

    <T> Stream<Found<T>> named(Class<T> type, String name) {
        return all(type).filter(f -> name.equals(((io.fabric8.kubernetes.api.model.HasMetadata) f.resource())
                .getMetadata().getName()));
    }

    record Found<T>(StrictModels.Typed document, T resource) {
        ca.eeradar.deploy.manifest.Manifest manifest() {
            return document.manifest();
        }
    }
}
