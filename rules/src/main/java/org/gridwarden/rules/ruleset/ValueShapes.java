package org.gridwarden.rules.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a YAML value has the shape a parameter's Java type needs (a whole number, a period, a list of
 * channels...), said in words a supervisor reads rather than in Java type names. Everything that passes
 * converts to the parameter records without error.
 */
final class ValueShapes {

    private static final Pattern NEGATIVE_PERIOD = Pattern.compile("\\s*-\\s*\\d+\\s*(s|m|h|d|wd)\\s*");

    private ValueShapes() {}

    static void check(JsonNode node, Type type, String pointer, List<Finding> out) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            checkList(node, p, pointer, out);
        } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            checkMap(node, p.getActualTypeArguments()[0], p.getActualTypeArguments()[1], pointer, out);
        } else if (type == TimeSpan.class) {
            checkPeriod(node, pointer, out);
        } else if (type instanceof Class<?> c && c.isEnum()) {
            checkEnum(node, c, pointer, out);
        } else if (type instanceof Class<?> c && c.isRecord()) {
            checkRecord(node, c, pointer, out);
        } else if (!fits(node, type)) {
            out.add(Finding.at(pointer, "expected " + describe(type) + ", not " + shown(node)));
        }
    }

    private static boolean fits(JsonNode node, Type type) {
        if (type == boolean.class) {
            return node.isBoolean();
        }
        if (type == int.class) {
            return node.isIntegralNumber() && node.canConvertToInt()
                    || node.isTextual() && node.asText().trim().matches("-?\\d{1,9}");
        }
        if (type == double.class || type == Double.class) {
            return node.isNumber() || node.isTextual() && node.asText().trim().matches("-?\\d+(\\.\\d+)?");
        }
        if (type == String.class) {
            return node.isTextual() && !node.asText().isBlank();
        }
        throw new IllegalArgumentException("no shape known for parameters of type " + type);
    }

    private static void checkPeriod(JsonNode node, String pointer, List<Finding> out) {
        if (!node.isTextual() && !node.isNumber()) {
            out.add(Finding.at(pointer, "expected " + describe(TimeSpan.class) + ", not " + shown(node)));
        } else if (NEGATIVE_PERIOD.matcher(node.asText()).matches()) {
            out.add(Finding.at(pointer, node.asText().replace(" ", "") + " must be longer than zero"));
        } else {
            try {
                TimeSpan.parse(node.asText());
            } catch (IllegalArgumentException e) {
                out.add(Finding.at(pointer, e.getMessage()));
            }
        }
    }

    private static void checkRecord(JsonNode node, Class<?> type, String pointer, List<Finding> out) {
        if (!node.isObject()) {
            out.add(Finding.at(pointer, "expected " + describe(type) + ", not " + shown(node)));
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RuleSetParser.components(type).contains(name)) {
                out.add(Finding.atKey(Finding.child(pointer, name), "'" + name + "' is not one of "
                        + Names.list(RuleSetParser.components(type))));
            }
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode value = node.get(c.getName());
            if (value == null) {
                out.add(Finding.at(pointer, "missing " + c.getName() + ", " + describe(c.getGenericType())));
            } else {
                check(value, c.getGenericType(), Finding.child(pointer, c.getName()), out);
            }
        }
    }

    private static void checkEnum(JsonNode node, Class<?> type, String pointer, List<Finding> out) {
        if (!node.isTextual() || !constants(type).contains(node.asText())) {
            String given = node.isTextual() ? "'" + node.asText() + "'" : shown(node);
            out.add(Finding.at(pointer, given + " is not " + describe(type) + "; write " + Names.either(constants(type))));
        }
    }

    private static void checkList(JsonNode node, ParameterizedType type, String pointer, List<Finding> out) {
        if (!node.isArray()) {
            out.add(Finding.at(pointer, "expected " + describe(type) + ", not " + shown(node)));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            check(node.get(i), type.getActualTypeArguments()[0], Finding.child(pointer, i), out);
        }
    }

    private static void checkMap(JsonNode node, Type key, Type value, String pointer, List<Finding> out) {
        if (!node.isObject()) {
            out.add(Finding.at(pointer, "expected " + describeMap(key) + ", not " + shown(node)));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = Finding.child(pointer, field.getKey());
            if (key instanceof Class<?> k && k.isEnum() && !constants(k).contains(field.getKey())) {
                out.add(Finding.atKey(at, "'" + field.getKey() + "' is not " + describe(k) + "; write "
                        + Names.either(constants(k))));
            } else {
                check(field.getValue(), value, at, out);
            }
        }
    }

    /** What a value of this type is called, e.g. "a whole number" or "a period such as 24h or 5wd". */
    static String describe(Type type) {
        if (type == boolean.class) {
            return "true or false";
        }
        if (type == int.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number such as 0.8";
        }
        if (type == String.class) {
            return "a name";
        }
        if (type == TimeSpan.class) {
            return "a period such as 24h or 5wd";
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> e && e.isEnum()) {
            return "a list in square brackets, e.g. [" + String.join(", ", constants(e).subList(0, 2)) + "]";
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            String words = c.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
            return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return "indented lines " + Names.list(RuleSetParser.components(c));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return describeMap(p.getActualTypeArguments()[0]);
        }
        throw new IllegalArgumentException("no words for type " + type);
    }

    private static String describeMap(Type key) {
        return key instanceof Class<?> k && k.isEnum()
                ? "indented lines " + Names.list(constants(k).stream().map(c -> c + ": ...").toList())
                : "indented lines 'NAME: ...', one per name";
    }

    /** A YAML value as the messages show it: text in quotes, numbers as written, else what kind of thing it is. */
    static String shown(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing (the value is empty)";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "indented lines of fields";
        }
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        return node.asText();
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }
}
