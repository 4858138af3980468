package org.gridwarden.connectors.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published contract (contract/v1/grid-report.schema.json, ledger-event.schema.json) and the decoder the
 * job runs say the same thing: a producer that checks its records against the schema must not see them
 * dead-lettered, and a record the schema refuses must not slip into the job. Each invalid line breaks one
 * constraint of the schema. Where the two knowingly differ, the difference is listed below, so that a change to
 * either side shows up here.
 */
class ContractSchemaTest {

    private static final Path CONTRACT = Fixtures.projectRoot().resolve("contract/v1");
    private static final JsonSchema GRID_REPORT = schema("grid-report.schema.json");
    private static final JsonSchema LEDGER_EVENT = schema("ledger-event.schema.json");
    private static final IngestDecoder DECODER = new IngestDecoder(Fixtures.reference(), Fixtures.ruleSet().ingest());

    private static JsonSchema schema(String file) {
        try {
            JsonNode tree = new ObjectMapper().readTree(CONTRACT.resolve(file).toFile());
            // date-time is an assertion of the contract, not an annotation: the decoder refuses other times
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree, config);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String PATROL = """
            {"reportId":"R-1","gridId":"S01C01G01","workerId":"W0001","kind":"PATROL","hazardFound":false,\
            "observedAt":"2026-11-20T10:05:00+08:00"%s}""";
    private static final String CREATED = """
            {"eventId":"E-1","caseId":"C-1","type":"CREATED","at":"2026-11-20T09:30:00+08:00","channel":"HOTLINE",\
            "category":"fire.blocked_exit","gridId":"S01C01G01"%s}""";

    /** {@code PATROL} or {@code CREATED} with {@code extra} (a leading comma and fields) added. */
    private static String patrol(String extra) {
        return PATROL.formatted(extra);
    }

    private static String created(String extra) {
        return CREATED.formatted(extra);
    }

    private static String event(String type, String extra) {
        return "{\"eventId\":\"E-2\",\"caseId\":\"C-1\",\"type\":\"" + type + "\",\"at\":\"2026-11-20T11:00:00+08:00\""
                + extra + "}";
    }

    static Stream<Arguments> validGridReports() {
        return Stream.of(
                arguments("a nothing-found patrol", patrol("")),
                arguments("a hazard with every field", """
                        {"reportId":"R-2","gridId":"S01C01G01","workerId":"W0001","kind":"HAZARD",\
                        "category":"fire.blocked_exit","severity":3,"buildingId":"S01C01G01-B03","caseId":"C-9",\
                        "observedAt":"2026-11-20T09:30:00+08:00","reportedAt":"2026-11-20T09:42:10+08:00",\
                        "note":"3号楼一单元消防通道堆放杂物"}"""),
                arguments("an incident", """
                        {"reportId":"R-3","gridId":"S01C01G01","workerId":"W0001","kind":"INCIDENT",\
                        "category":"public_order.noise_nuisance","observedAt":"2026-11-20T22:00:00+08:00"}"""),
                arguments("a hazard cleared", patrol("").replace("PATROL", "HAZARD_CLEARED")),
                arguments("a visit", patrol("").replace("PATROL", "VISIT")),
                arguments("optional fields null", patrol(",\"category\":null,\"severity\":null,\"buildingId\":null,"
                        + "\"caseId\":null,\"reportedAt\":null,\"note\":null")),
                arguments("an unknown field (forward compatible)", patrol(",\"weather\":\"rain\"")),
                arguments("UTC and fractions of a second", patrol("").replace("2026-11-20T10:05:00+08:00",
                        "2026-11-20T02:05:00.123Z")),
                arguments("severity 1", patrol(",\"severity\":1")),
                arguments("severity 4", patrol(",\"severity\":4")));
    }

    static Stream<Arguments> validLedgerEvents() {
        return Stream.of(
                arguments("CREATED with every field", created(",\"buildingId\":\"S01C01G01-B03\",\"address\":\"湖滨路12号\","
                        + "\"complainantId\":\"P000101\",\"priority\":\"URGENT\",\"dueAt\":\"2026-11-21T09:30:00+08:00\","
                        + "\"sourceReportId\":\"R-2\"")),
                arguments("CREATED without a deadline", created(",\"noDeadline\":true")),
                arguments("CREATED with optional fields null", created(",\"priority\":null,\"dueAt\":null,"
                        + "\"noDeadline\":null,\"complainantId\":null")),
                arguments("CREATED from a sensor", created("").replace("HOTLINE", "SENSOR")),
                arguments("ASSIGNED", event("ASSIGNED", ",\"department\":\"street-donghu\"")),
                arguments("ACCEPTED", event("ACCEPTED", "")),
                arguments("EXTENDED", event("EXTENDED", ",\"dueAt\":\"2026-11-25T18:00:00+08:00\"")),
                arguments("SUSPENDED", event("SUSPENDED", "")),
                arguments("RESUMED", event("RESUMED", "")),
                arguments("REPLIED", event("REPLIED", "")),
                arguments("CLOSED with every field", event("CLOSED", ",\"resolution\":\"已清理\",\"satisfaction\":5")),
                arguments("REOPENED", event("REOPENED", "")),
                arguments("CANCELLED", event("CANCELLED", "")),
                arguments("an unknown field (forward compatible)", event("ACCEPTED", ",\"operator\":\"x\"")));
    }

    /** Each breaks one constraint of the schema; the reason is the one the decoder dead-letters it with. */
    static Stream<Arguments> invalidGridReports() {
        return Stream.of(
                arguments("reportId missing", patrol("").replace("\"reportId\":\"R-1\",", ""), DeadLetter.MISSING_FIELD),
                arguments("reportId empty", patrol("").replace("\"R-1\"", "\"\""), DeadLetter.MISSING_FIELD),
                arguments("gridId missing", patrol("").replace("\"gridId\":\"S01C01G01\",", ""), DeadLetter.MISSING_FIELD),
                arguments("workerId missing", patrol("").replace("\"workerId\":\"W0001\",", ""), DeadLetter.MISSING_FIELD),
                arguments("kind missing", patrol("").replace("\"kind\":\"PATROL\",", ""), DeadLetter.MISSING_FIELD),
                arguments("observedAt missing", patrol("").replace(",\"observedAt\":\"2026-11-20T10:05:00+08:00\"", ""),
                        DeadLetter.MISSING_FIELD),
                arguments("kind not in the enum", patrol("").replace("PATROL", "INSPECTION"), DeadLetter.INVALID_VALUE),
                arguments("kind in lower case", patrol("").replace("PATROL", "patrol"), DeadLetter.INVALID_VALUE),
                arguments("kind a number", patrol("").replace("\"PATROL\"", "1"), DeadLetter.INVALID_VALUE),
                arguments("a HAZARD without category", patrol("").replace("PATROL", "HAZARD"), DeadLetter.MISSING_FIELD),
                arguments("an INCIDENT with a null category", patrol(",\"category\":null").replace("PATROL", "INCIDENT"),
                        DeadLetter.MISSING_FIELD),
                arguments("category not a taxonomy code", patrol(",\"category\":\"Fire Exit\""),
                        DeadLetter.UNKNOWN_REFERENCE),
                arguments("severity above 4", patrol(",\"severity\":5"), DeadLetter.INVALID_VALUE),
                arguments("severity below 1", patrol(",\"severity\":0"), DeadLetter.INVALID_VALUE),
                arguments("severity a string", patrol(",\"severity\":\"3\""), DeadLetter.INVALID_VALUE),
                arguments("severity a fraction", patrol(",\"severity\":2.5"), DeadLetter.INVALID_VALUE),
                arguments("hazardFound a string", patrol("").replace("false", "\"false\""), DeadLetter.INVALID_VALUE),
                arguments("observedAt without offset", patrol("").replace("10:05:00+08:00", "10:05:00"),
                        DeadLetter.IMPOSSIBLE_TIME),
                arguments("observedAt on 30 February", patrol("").replace("2026-11-20", "2026-02-30"),
                        DeadLetter.IMPOSSIBLE_TIME),
                arguments("observedAt a number", patrol("").replace("\"2026-11-20T10:05:00+08:00\"", "1795663500000"),
                        DeadLetter.IMPOSSIBLE_TIME),
                arguments("reportedAt not a time", patrol(",\"reportedAt\":\"soon\""), DeadLetter.IMPOSSIBLE_TIME),
                arguments("a JSON array", "[" + patrol("") + "]", DeadLetter.MALFORMED_JSON));
    }

    static Stream<Arguments> invalidLedgerEvents() {
        return Stream.of(
                arguments("eventId missing", created("").replace("\"eventId\":\"E-1\",", ""), DeadLetter.MISSING_FIELD),
                arguments("caseId missing", created("").replace("\"caseId\":\"C-1\",", ""), DeadLetter.MISSING_FIELD),
                arguments("caseId empty", created("").replace("\"C-1\"", "\"\""), DeadLetter.MISSING_FIELD),
                arguments("type missing", created("").replace("\"type\":\"CREATED\",", ""), DeadLetter.MISSING_FIELD),
                arguments("at missing", created("").replace("\"at\":\"2026-11-20T09:30:00+08:00\",", ""),
                        DeadLetter.MISSING_FIELD),
                arguments("type not in the enum", event("OPENED", ""), DeadLetter.INVALID_VALUE),
                arguments("channel not in the enum", created("").replace("HOTLINE", "EMAIL"), DeadLetter.INVALID_VALUE),
                arguments("priority not in the enum", created(",\"priority\":\"HIGH\""), DeadLetter.INVALID_VALUE),
                arguments("CREATED without channel", created("").replace("\"channel\":\"HOTLINE\",", ""),
                        DeadLetter.MISSING_FIELD),
                arguments("CREATED without category", created("").replace("\"category\":\"fire.blocked_exit\",", ""),
                        DeadLetter.MISSING_FIELD),
                arguments("CREATED without gridId", created("").replace(",\"gridId\":\"S01C01G01\"", ""),
                        DeadLetter.MISSING_FIELD),
                arguments("CREATED with a null channel", created("").replace("\"HOTLINE\"", "null"),
                        DeadLetter.MISSING_FIELD),
                arguments("ASSIGNED without department", event("ASSIGNED", ""), DeadLetter.MISSING_FIELD),
                arguments("EXTENDED without dueAt", event("EXTENDED", ""), DeadLetter.MISSING_FIELD),
                arguments("EXTENDED with a null dueAt", event("EXTENDED", ",\"dueAt\":null"), DeadLetter.MISSING_FIELD),
                arguments("satisfaction above 5", event("CLOSED", ",\"satisfaction\":6"), DeadLetter.INVALID_VALUE),
                arguments("satisfaction below 1", event("CLOSED", ",\"satisfaction\":0"), DeadLetter.INVALID_VALUE),
                arguments("satisfaction a string", event("CLOSED", ",\"satisfaction\":\"5\""), DeadLetter.INVALID_VALUE),
                arguments("noDeadline a string", created(",\"noDeadline\":\"yes\""), DeadLetter.INVALID_VALUE),
                arguments("noDeadline together with dueAt",
                        created(",\"noDeadline\":true,\"dueAt\":\"2026-11-21T09:30:00+08:00\""), DeadLetter.INVALID_VALUE),
                arguments("at not a time", event("ACCEPTED", "").replace("2026-11-20T11:00:00+08:00", "yesterday"),
                        DeadLetter.IMPOSSIBLE_TIME),
                arguments("at a date only", event("ACCEPTED", "").replace("2026-11-20T11:00:00+08:00", "2026-11-20"),
                        DeadLetter.IMPOSSIBLE_TIME),
                arguments("dueAt with an hour 24", created(",\"dueAt\":\"2026-11-21T24:30:00+08:00\""),
                        DeadLetter.IMPOSSIBLE_TIME),
                arguments("category not a taxonomy code", created("").replace("fire.blocked_exit", "FIRE"),
                        DeadLetter.UNKNOWN_REFERENCE),
                arguments("a string, not an object", "\"CREATED\"", DeadLetter.MALFORMED_JSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validGridReports")
    void validGridReport_passesTheSchemaAndTheDecoder(String name, String line) {
        assertEquals(Set.of(), schemaErrors(GRID_REPORT, line), "schema");
        Ingested decoded = decode(IngestDecoder.GRID_REPORTS, line);
        assertTrue(decoded.isValid() && decoded.report() != null, "decoder: " + decoded.deadLetter());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validLedgerEvents")
    void validLedgerEvent_passesTheSchemaAndTheDecoder(String name, String line) {
        assertEquals(Set.of(), schemaErrors(LEDGER_EVENT, line), "schema");
        Ingested decoded = decode(IngestDecoder.LEDGER_EVENTS, line);
        assertTrue(decoded.isValid() && decoded.ledgerEvent() != null, "decoder: " + decoded.deadLetter());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidGridReports")
    void invalidGridReport_failsTheSchemaAndTheDecoder(String name, String line, String reason) {
        assertTrue(!schemaErrors(GRID_REPORT, line).isEmpty(), "the schema accepts " + line);
        assertEquals(reason, reasonOf(decode(IngestDecoder.GRID_REPORTS, line)), line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLedgerEvents")
    void invalidLedgerEvent_failsTheSchemaAndTheDecoder(String name, String line, String reason) {
        assertTrue(!schemaErrors(LEDGER_EVENT, line).isEmpty(), "the schema accepts " + line);
        assertEquals(reason, reasonOf(decode(IngestDecoder.LEDGER_EVENTS, line)), line);
    }

    @Test
    void theSchemasOwnExamples_areDecoded() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String[] schema : List.of(new String[] {"grid-report.schema.json", IngestDecoder.GRID_REPORTS},
                new String[] {"ledger-event.schema.json", IngestDecoder.LEDGER_EVENTS})) {
            JsonNode examples = json.readTree(CONTRACT.resolve(schema[0]).toFile()).get("examples");
            assertTrue(examples.size() >= 2, schema[0]);
            for (JsonNode example : examples) {
                // the examples name buildings the sample district does not have; the decoder does not check them
                Ingested decoded = decode(schema[1], example.toString());
                assertTrue(decoded.isValid(), schema[0] + ": " + decoded.deadLetter());
            }
        }
    }

    /**
     * Known differences: what the schema cannot say (reference data, one time against another, the plausible
     * years) is refused by the decoder alone; and the decoder reads a few things more leniently than the schema
     * allows. A producer that follows the schema is never hurt by either.
     */
    static Stream<Arguments> decoderOnly() {
        return Stream.of(
                arguments("an unknown grid", patrol("").replace("S01C01G01", "S99C99G99"), IngestDecoder.GRID_REPORTS,
                        DeadLetter.UNKNOWN_REFERENCE),
                arguments("an unknown category of the right shape", patrol(",\"category\":\"fire.dragon\""),
                        IngestDecoder.GRID_REPORTS, DeadLetter.UNKNOWN_REFERENCE),
                arguments("reportedAt before observedAt", patrol(",\"reportedAt\":\"2026-11-20T10:00:00+08:00\""),
                        IngestDecoder.GRID_REPORTS, DeadLetter.IMPOSSIBLE_TIME),
                arguments("observedAt in 1999", patrol("").replace("2026-11-20", "1999-11-20"),
                        IngestDecoder.GRID_REPORTS, DeadLetter.IMPOSSIBLE_TIME),
                arguments("an unknown department", event("ASSIGNED", ",\"department\":\"nowhere\""),
                        IngestDecoder.LEDGER_EVENTS, DeadLetter.UNKNOWN_REFERENCE),
                arguments("dueAt not after at", created(",\"dueAt\":\"2026-11-20T09:30:00+08:00\""),
                        IngestDecoder.LEDGER_EVENTS, DeadLetter.IMPOSSIBLE_TIME),
                // RFC 3339 lets a space stand for the T; the contract's examples and the decoder want the T
                arguments("a space instead of the T", patrol("").replace("2026-11-20T10", "2026-11-20 10"),
                        IngestDecoder.GRID_REPORTS, DeadLetter.IMPOSSIBLE_TIME),
                arguments("an id longer than ingest.limits.idChars", patrol("").replace("R-1", "R".repeat(10_000)),
                        IngestDecoder.GRID_REPORTS, DeadLetter.FIELD_TOO_LONG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoderOnly")
    void whatOnlyTheDecoderKnows_passesTheSchemaButIsDeadLettered(String name, String line, String stream,
            String reason) {
        JsonSchema schema = stream.equals(IngestDecoder.GRID_REPORTS) ? GRID_REPORT : LEDGER_EVENT;
        assertEquals(Set.of(), schemaErrors(schema, line), "schema");
        assertEquals(reason, reasonOf(decode(stream, line)), line);
    }

    static Stream<Arguments> decoderLenient() {
        return Stream.of(
                arguments("an id given as a number", patrol("").replace("\"R-1\"", "101"), IngestDecoder.GRID_REPORTS),
                arguments("an empty optional id, read as absent", patrol(",\"buildingId\":\"\""),
                        IngestDecoder.GRID_REPORTS),
                arguments("a time without seconds", patrol("").replace("10:05:00+08:00", "10:05+08:00"),
                        IngestDecoder.GRID_REPORTS),
                arguments("an empty complainantId, read as absent", created(",\"complainantId\":\"\""),
                        IngestDecoder.LEDGER_EVENTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoderLenient")
    void whatTheDecoderReadsMoreLeniently_failsTheSchemaButIsDecoded(String name, String line, String stream) {
        JsonSchema schema = stream.equals(IngestDecoder.GRID_REPORTS) ? GRID_REPORT : LEDGER_EVENT;
        assertTrue(!schemaErrors(schema, line).isEmpty(), "the schema accepts " + line);
        Ingested decoded = decode(stream, line);
        assertTrue(decoded.isValid(), "decoder: " + decoded.deadLetter());
    }

    private static Set<String> schemaErrors(JsonSchema schema, String line) {
        Set<String> where = new TreeSet<>();
        for (ValidationMessage m : schema.validate(line, InputFormat.JSON)) {
            where.add(m.getInstanceLocation() + " " + m.getType());
        }
        return where;
    }

    private static Ingested decode(String stream, String line) {
        return DECODER.decode(stream, Origin.file(stream, "contract.jsonl", 1, null),
                line.getBytes(StandardCharsets.UTF_8));
    }

    private static String reasonOf(Ingested decoded) {
        return decoded.isValid() ? "decoded" : decoded.deadLetter().reason();
    }
}
