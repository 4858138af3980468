package org.gridwarden.connectors.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON of at most a given size: when a value is larger, its long texts and lists (all but the fields to keep)
 * are cut, each with a visible marker saying how long it was, until it fits. An output record the broker would
 * refuse would fail the job; a shortened one still says who must act and why.
 */
final class BoundedJson {

    /** Where a shortened text or list says so. */
    static final String MARK = "…[truncated from ";

    private BoundedJson() {}

    static byte[] write(ObjectMapper mapper, Object value, Set<String> kept, int maxBytes) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(value);
            for (int longest = 1 << 16; bytes.length > maxBytes && longest >= 1; longest /= 4) {
                ObjectNode node = mapper.valueToTree(value);
                shorten(node, kept, longest);
                bytes = mapper.writeValueAsBytes(node);
            }
            return bytes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static void shorten(ObjectNode node, Set<String> kept, int longest) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        for (Map.Entry<String, JsonNode> f : fields) {
            if (kept.contains(f.getKey())) {
                continue;
            }
            if (f.getValue().isTextual()) {
                node.put(f.getKey(), shortened(f.getValue().asText(), longest));
            } else if (f.getValue() instanceof ArrayNode list) {
                node.set(f.getKey(), shortened(list, longest));
            }
        }
    }

    private static String shortened(String text, int longest) {
        return text.length() <= longest ? text
                : text.substring(0, longest) + MARK + String.format("%,d characters]", text.length());
    }

    /** The first elements of a list, each shortened, and a last one saying how many there were. */
    private static ArrayNode shortened(ArrayNode list, int longest) {
        int keep = Math.max(1, longest / 256);
        ArrayNode out = list.arrayNode();
        for (int i = 0; i < Math.min(keep, list.size()); i++) {
            JsonNode e = list.get(i);
            out.add(e.isTextual() ? out.textNode(shortened(e.asText(), longest)) : e);
        }
        if (list.size() > keep) {
            out.add(MARK + String.format("%,d elements]", list.size()));
        }
        return out;
    }
}
