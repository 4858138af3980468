package org.gridwarden.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.gridwarden.rules.time.WorkingCalendar;
import org.gridwarden.testkit.generate.Dice;
import org.gridwarden.testkit.generate.DistrictTime;
import org.junit.jupiter.api.Test;

/** Times of a day drawn by the hour are the local times they stand for, on days the clocks change too. */
class DistrictTimeTest {

    private static final double[] ANY_HOUR = new double[24];

    static {
        Arrays.fill(ANY_HOUR, 1);
    }

    @Test
    void aTimeOfTheDay_isThatLocalTime_alsoWhenTheOffsetChanges() {
        List<String> days = List.of("Asia/Shanghai 2026-11-02", "Asia/Shanghai 1991-04-14", "Asia/Shanghai 1991-09-15",
                "Europe/Berlin 2026-03-29", "Europe/Berlin 2026-10-25", "Europe/Berlin 2026-10-26",
                "America/Sao_Paulo 2018-11-04", "America/Havana 2026-03-08", "America/Santiago 2026-04-05");
        for (String zoneAndDay : days) {
            ZoneId zone = ZoneId.of(zoneAndDay.split(" ")[0]);
            LocalDate day = LocalDate.parse(zoneAndDay.split(" ")[1]);
            DistrictTime time = new DistrictTime(new WorkingCalendar(zone, List.of()));
            Dice drawn = new Dice(7);
            Dice same = new Dice(7);
            for (int i = 0; i < 2_000; i++) {
                int hour = same.weighted(ANY_HOUR);
                int minute = same.between(0, 59);
                int second = same.between(0, 59);
                assertEquals(day.atTime(hour, minute, second).atZone(zone).toInstant(),
                        time.during(day, ANY_HOUR, drawn), zoneAndDay + " " + hour + ":" + minute + ":" + second);
            }
        }
    }
}
