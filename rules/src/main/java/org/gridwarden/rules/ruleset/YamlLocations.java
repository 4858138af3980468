package org.gridwarden.rules.ruleset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where every field and value of a YAML document stands (line and column, 1-based), by JSON pointer, read by
 * streaming the text once with Jackson's YAML parser. Also finds what a tree loses: a field given twice in
 * one block (the tree keeps the last silently) and the place of a syntax error, explained in plain words.
 */
public final class YamlLocations {

    public record Position(int line, int column) {}

    /** A syntax error: the document cannot be read past {@code at}; {@code after} is the last field read. */
    public record SyntaxError(Position at, String after, String message) {}

    private static final YAMLFactory YAML = new YAMLFactory();

    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private final List<Finding> repeatedFields = new ArrayList<>();
    private String lastField = "";
    private SyntaxError syntaxError;

    private YamlLocations() {}

    public static YamlLocations index(String text) {
        YamlLocations index = new YamlLocations();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                index.record(t, p);
            }
        } catch (IOException e) {
            index.syntaxError = syntaxError(e, index.lastField);
        }
        return index;
    }

    private void record(JsonToken t, JsonParser p) throws IOException {
        String pointer = p.getParsingContext().pathAsPointer().toString();
        Position at = position(p.currentTokenLocation());
        if (t == JsonToken.FIELD_NAME) {
            Position first = keys.putIfAbsent(pointer, at);
            if (first != null) {
                repeatedFields.add(Finding.atKey(pointer, "given twice in this block (first on line " + first.line()
                        + "); keep one, only the last one would count"));
                keys.put(pointer, at);
            }
            lastField = pointer;
        } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY || t.isScalarValue()) {
            values.put(pointer, at);
            if (t == JsonToken.VALUE_STRING) {
                texts.put(pointer, p.getText());
            }
        }
    }

    public SyntaxError syntaxError() {
        return syntaxError;
    }

    List<Finding> repeatedFields() {
        return repeatedFields;
    }

    /** Whether the document writes something at {@code pointer}. */
    public boolean has(String pointer) {
        return values.containsKey(pointer);
    }

    /** The text at {@code pointer}, or null when there is none (or a number, a list...). */
    public String text(String pointer) {
        return texts.get(pointer);
    }

    /**
     * The position of a field's name ({@code atKey}) or value; for a place the document does not write (a
     * missing field), the position of the nearest enclosing value that it does write.
     */
    public Position position(String pointer, boolean atKey) {
        Position p = atKey ? keys.get(pointer) : values.get(pointer);
        if (p != null) {
            return p;
        }
        for (String up = parent(pointer); up != null; up = parent(up)) {
            if (values.containsKey(up)) {
                return values.get(up);
            }
        }
        return new Position(1, 1);
    }

    private static String parent(String pointer) {
        return pointer.isEmpty() ? null : pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static Position position(JsonLocation loc) {
        return new Position(loc.getLineNr(), loc.getColumnNr());
    }

    private static SyntaxError syntaxError(IOException e, String after) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark problem = yaml.getProblemMark();
            Position at = new Position(problem.getLine() + 1, problem.getColumn() + 1);
            return new SyntaxError(at, after, explain(yaml));
        }
        JsonLocation loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
        return new SyntaxError(loc != null ? position(loc) : new Position(1, 1), after,
                "the file cannot be read as YAML (" + e.getMessage() + ")");
    }

    /** The YAML parser's complaint in words a supervisor can act on; its own words where no better ones exist. */
    private static String explain(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        int openedOn = e.getContextMark() == null ? 0 : e.getContextMark().getLine() + 1;
        if (problem.contains("(TAB)")) {
            return "a tab character; YAML indents with spaces only";
        }
        if (context.contains("flow sequence")) {
            return "the list opened with '[' on line " + openedOn + " is not closed with ']', or a ',' is missing";
        }
        if (context.contains("flow mapping")) {
            return "the block opened with '{' on line " + openedOn + " is not closed with '}', or a ',' is missing";
        }
        if (context.contains("quoted scalar")) {
            return "the quote opened on line " + openedOn + " is not closed";
        }
        if (problem.contains("mapping values are not allowed")) {
            return "a ':' where none can stand; check this line's indentation, or put a value that contains ': ' in"
                    + " quotes";
        }
        if (problem.startsWith("expected <block end>")) {
            return "this line is indented differently from the lines above it; the fields of one block must start"
                    + " in the same column";
        }
        return "this is not valid YAML: " + problem;
    }
}
