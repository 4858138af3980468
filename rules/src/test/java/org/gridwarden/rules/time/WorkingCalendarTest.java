package org.gridwarden.rules.time;

import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = Fixtures.reference().calendar();

    @Test
    void officialArrangement2026_holidaysAndMakeUpWeekends() {
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-02-16")), "Spring Festival Monday is a holiday");
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-02-14")), "Saturday Feb 14 is a make-up working day");
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-09-20")), "Sunday Sep 20 is a make-up working day");
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-10-07")), "National Day holiday");
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-11-21")), "an ordinary Saturday");
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-11-20")), "an ordinary Friday");
    }

    @Test
    void fiveWorkingDaysFromTheFridayBeforeSpringFestival_endOnFebruary27() {
        // Feb 14 (make-up Saturday) is day 1, Feb 15-23 are holidays, Feb 24..27 are days 2..5
        assertEquals(beijing("2026-02-28T00:00"), calendar.endOfNthWorkingDayAfter(beijing("2026-02-13T10:00"), 5));
    }

    @Test
    void fiveWorkingDaysBeforeNationalDay_skipTheHolidayWeekAndCountTheMakeUpSaturday() {
        // Sep 30 = 1, Oct 8 = 2, Oct 9 = 3, Oct 10 (make-up Saturday) = 4, Oct 12 = 5
        assertEquals(beijing("2026-10-13T00:00"), calendar.endOfNthWorkingDayAfter(beijing("2026-09-29T16:00"), 5));
    }

    @Test
    void aPeriodStartingAtMidnightCountsThatDay() {
        assertEquals(beijing("2026-11-21T00:00"), calendar.endOfNthWorkingDayAfter(beijing("2026-11-20T00:00"), 1));
    }

    @Test
    void workingTimeSkipsWeekendsAndHolidays() {
        // Fri 2026-09-25 is Mid-Autumn; Sat 26, Sun 27 off; Mon 28 working
        assertEquals(Duration.ofHours(12),
                calendar.workingTimeBetween(beijing("2026-09-24T12:00"), beijing("2026-09-28T00:00")));
        assertEquals(beijing("2026-09-28T06:00"),
                calendar.plusWorkingTime(beijing("2026-09-24T18:00"), Duration.ofHours(12)));
    }
}
