package ca.eeradar.contracts;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The constants of EventTypes by reflection, so that a type added there is checked everywhere. */
final class ContractEventTypes {
    private ContractEventTypes() {}

    /** Every ce_type constant (the values starting with "ca.eeradar."). */
    static Set<String> all() {
        return constants().stream().filter(v -> v.startsWith("ca.eeradar.")).collect(Collectors.toSet());
    }

    /** Every ce_source constant (the values starting with "/ee-radar/"). */
    static Set<String> sources() {
        return constants().stream().filter(v -> v.startsWith("/ee-radar/")).collect(Collectors.toSet());
    }

    private static Set<String> constants() {
        return Arrays.stream(EventTypes.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(ContractEventTypes::value)
                .collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
