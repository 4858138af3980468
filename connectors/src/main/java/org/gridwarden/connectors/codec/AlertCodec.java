package org.gridwarden.connectors.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.risk.GridRisk;

/** JSON for alerts, dead letters and grid risk indices, the project's outputs. One instance per task or thread. */
public final class AlertCodec {

    /** What a shortened alert keeps whole: who must act, on which rule, when. */
    private static final Set<String> ALERT_KEPT = Set.of("alertId", "ruleId", "ruleSetVersion", "level", "severity",
            "department", "departmentTier", "eventTime", "deadline", "emittedAt");
    /** What a shortened dead letter keeps whole: why, and where to find the record. */
    private static final Set<String> DEAD_LETTER_KEPT = Set.of("reason", "stream", "source", "partition", "offset",
            "line");

    private final ObjectMapper mapper = Json.newMapper();

    public byte[] encode(Alert alert) {
        return bytes(alert);
    }

    public byte[] encode(DeadLetter deadLetter) {
        return bytes(deadLetter);
    }

    /** The alert in at most {@code maxBytes}, its long texts and lists cut with a visible marker if need be. */
    public byte[] encode(Alert alert, int maxBytes) {
        return BoundedJson.write(mapper, alert, ALERT_KEPT, maxBytes);
    }

    /** The dead letter in at most {@code maxBytes}, its raw text and detail cut with a visible marker if need be. */
    public byte[] encode(DeadLetter deadLetter, int maxBytes) {
        return BoundedJson.write(mapper, deadLetter, DEAD_LETTER_KEPT, maxBytes);
    }

    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }

    public Alert decodeAlert(byte[] json) {
        try {
            return mapper.readValue(json, Alert.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an alert: " + new String(json, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    public GridRisk decodeRisk(byte[] json) {
        try {
            return mapper.readValue(json, GridRisk.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a grid risk index: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    public Alert decodeAlert(String json) {
        return decodeAlert(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public DeadLetter decodeDeadLetter(String json) {
        try {
            return mapper.readValue(json, DeadLetter.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a dead letter: " + json, e);
        }
    }

    private byte[] bytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }
}
