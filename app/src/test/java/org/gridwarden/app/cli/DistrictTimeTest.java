package org.gridwarden.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.gridwarden.app.cli.DistrictTime;
import org.junit.jupiter.api.Test;

/** A time option is a date, a district time or an instant; a date starts a period at its start and ends one at its end. */
class DistrictTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final DistrictTime.Converter converter = new DistrictTime.Converter();

    @Test
    void aBareDate_isTheStartOfThatDayOrItsEnd() {
        DistrictTime day = converter.convert("2026-11-30");
        assertEquals(Instant.parse("2026-11-29T16:00:00Z"), day.start(SHANGHAI));
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), day.end(SHANGHAI));
    }

    @Test
    void aLocalDateTime_isInTheDistrictsZone_atStartAndEndAlike() {
        DistrictTime t = converter.convert("2026-11-30T18:00");
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), t.start(SHANGHAI));
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), t.end(SHANGHAI));
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), t.start(ZoneId.of("America/New_York")));
    }

    @Test
    void anInstantWithOffset_isThatInstantInAnyZone() {
        DistrictTime t = converter.convert("2026-11-30T18:00:00+08:00");
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), t.start(ZoneId.of("America/New_York")));
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), t.end(SHANGHAI));
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), converter.convert("2026-11-30T10:00Z").end(SHANGHAI));
    }
}
