package org.gridwarden.connectors.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.GeneratedFiles.Line;
import org.gridwarden.testkit.generate.GeneratedFiles;
import org.gridwarden.testkit.generate.GeneratorSettings;
import org.gridwarden.testkit.generate.StreamGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records as the generator writes them, through generated accessors and times digit by digit, are what
 * Jackson's default serialization of the model records gives.
 */
class ContractJsonTest {

    @TempDir
    static Path week;

    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /** A mapper with Jackson's record serialization, only the contract's time format and absent fields left out. */
    private static ObjectMapper plainJackson(ZoneId zone) {
        SimpleModule times = new SimpleModule().addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(PATTERN.format(value.atZone(zone)));
            }
        });
        return JsonMapper.builder().addModule(new JavaTimeModule()).addModule(times)
                .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    }

    @Test
    void everyLineOfAGeneratedWeek_isJacksonsDefaultSerializationOfItsRecord() throws IOException {
        StreamGenerator.generate(Fixtures.reference(), Fixtures.ruleSet(), GeneratorSettings.of(7, 3), week, line -> {});
        ObjectMapper plain = plainJackson(Fixtures.reference().zone());
        int lines = 0;
        for (Line<GridReport> l : GeneratedFiles.reports(week).records()) {
            assertEquals(plain.writeValueAsString(l.record()), l.text());
            lines++;
        }
        for (Line<LedgerEvent> l : GeneratedFiles.ledger(week).records()) {
            assertEquals(plain.writeValueAsString(l.record()), l.text());
            lines++;
        }
        assertTrue(lines > 5_000, "a week's records: " + lines);
    }

    @Test
    void localTimesWithOffset_areWhatThePatternGives_inAnyZone() {
        List<Instant> times = List.of(Instant.parse("2026-11-20T01:30:00Z"), Instant.parse("2026-12-31T16:00:00Z"),
                Instant.parse("2026-03-29T01:00:00.750Z"), Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T12:00:00Z"),
                Instant.parse("+10000-01-01T00:00:00Z"));
        for (String zone : List.of("Asia/Shanghai", "UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata",
                "Pacific/Chatham", "America/Caracas", "Africa/Monrovia")) {
            ZoneId z = ZoneId.of(zone);
            for (Instant t : times) {
                assertEquals(PATTERN.format(t.atZone(z)), ContractJson.local(t, z), zone + " " + t);
            }
        }
        assertEquals("2026-11-20T09:30:00+08:00",
                ContractJson.local(Instant.parse("2026-11-20T01:30:00Z"), ZoneId.of("Asia/Shanghai")));
    }
}
