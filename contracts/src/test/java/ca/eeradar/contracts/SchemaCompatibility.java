package ca.eeradar.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a subscriber built against a released schema may rely on. Within a ce_type version the only
 * allowed change is a new OPTIONAL property: removing or renaming a property, requiring one, changing
 * a type, a format, a reference or an enum breaks somebody (a new enum constant breaks every
 * consumer that maps it to a Java enum: EventJson fails on an unknown constant). Such a change is a
 * new ce_type version (v2) with its own schema file.
 */
final class SchemaCompatibility {
    private static final List<String> SAME_VALUE = List.of("$ref", "format", "const", "additionalProperties");

    private SchemaCompatibility() {}

    /** Every breaking difference from the released schema to the current one; empty when compatible. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("", released, current, changes);
        return changes;
    }

    private static void compare(String path, JsonNode released, JsonNode current, List<String> changes) {
        String at = path.isEmpty() ? "/" : path;
        if (!typeSet(released).equals(typeSet(current))) {
            changes.add(at + ": type changed from " + typeSet(released) + " to " + typeSet(current));
        }
        for (String keyword : SAME_VALUE) {
            if (!Objects.equals(released.get(keyword), current.get(keyword))) {
                changes.add(
                        at + ": " + keyword + " changed from " + released.get(keyword) + " to " + current.get(keyword));
            }
        }
        if (!textSet(released.get("enum")).equals(textSet(current.get("enum")))) {
            changes.add(at + ": enum changed from " + textSet(released.get("enum")) + " to "
                    + textSet(current.get("enum")));
        }
        Set<String> newlyRequired = textSet(current.get("required"));
        newlyRequired.removeAll(textSet(released.get("required")));
        for (String name : newlyRequired) {
            changes.add(at + ": property " + name + " became required");
        }
        for (String container : List.of("properties", "$defs")) {
            for (Map.Entry<String, JsonNode> child : released.path(container).properties()) {
                String childPath = path + "/" + container + "/" + child.getKey();
                JsonNode now = current.path(container).get(child.getKey());
                if (now == null) {
                    changes.add(childPath + ": removed");
                } else {
                    compare(childPath, child.getValue(), now, changes);
                }
            }
        }
        if (released.has("items")) {
            compare(path + "/items", released.get("items"), current.path("items"), changes);
        }
        if (released.has("anyOf")) {
            if (current.path("anyOf").size() != released.get("anyOf").size()) {
                changes.add(at + ": anyOf changed from " + released.get("anyOf") + " to " + current.get("anyOf"));
            } else {
                for (int i = 0; i < released.get("anyOf").size(); i++) {
                    compare(
                            path + "/anyOf/" + i,
                            released.get("anyOf").get(i),
                            current.get("anyOf").get(i),
                            changes);
                }
            }
        }
    }

    private static Set<String> typeSet(JsonNode schema) {
        return textSet(schema.get("type"));
    }

    private static Set<String> textSet(JsonNode node) {
        Set<String> texts = new TreeSet<>();
        if (node == null || node.isMissingNode()) {
            return texts;
        }
        if (node.isArray()) {
            node.forEach(v -> texts.add(v.isNull() ? "null" : v.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }
}
