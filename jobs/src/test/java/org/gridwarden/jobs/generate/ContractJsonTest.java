package org.gridwarden.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times as the contract writes them, digit by digit, are what the pattern gives. */
class ContractJsonTest {

    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

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
