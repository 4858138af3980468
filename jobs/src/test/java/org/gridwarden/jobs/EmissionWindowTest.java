package org.gridwarden.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.GeneratorSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly replay of one day from a day archive of 60 generated days: with its warm-up it raises exactly
 * the alerts of that day in the replay of all 60 days (ids and contents but the time written), without one it
 * misses some; and no alert lies after {@code --until} or at or after {@code --emit-to}.
 */
class EmissionWindowTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /**
     * Thursday 17 December 2026, day 46 of the 60: its warm-up of 38 days starts on day 8. With the Sunday of
     * a complaint surge and the Monday after it, the three days raise every rule.
     */
    private static final LocalDate DAY = GeneratorSettings.DEFAULT_START.plusDays(45);
    private static final List<LocalDate> DAYS = List.of(DAY, LocalDate.of(2026, 12, 27), LocalDate.of(2026, 12, 28));
    private static final Instant FROM = start(DAY);
    private static final Instant TO = start(DAY.plusDays(1));

    private static ReplaySummary whole;

    @TempDir
    Path dir;

    @BeforeAll
    static void replayTheWholePeriod() throws Exception {
        whole = GeneratedDays.shippedReplay();
        GeneratedDays.sixtyArchive();
    }

    @Test
    void oneDayWithItsWarmUp_raisesExactlyThatDaysAlertsOfTheWholeReplay() throws Exception {
        Set<String> rules = new TreeSet<>();
        for (LocalDate day : DAYS) {
            Instant from = start(day);
            Instant to = start(day.plusDays(1));
            ReplaySummary replay = replay(new EmissionWindow(from, to, null), null);
            replay.print(System.out);

            Map<String, Alert> expected = byId(whole.alerts(), a -> !a.eventTime().isBefore(from) && a.eventTime().isBefore(to));
            assertEquals(expected, byId(replay.alerts(), a -> true), day.toString());
            assertTrue(expected.size() > 30, day + " has many alerts: " + expected.size());
            assertEquals(day, replay.reading().days().get(replay.reading().days().size() - 1));
            assertEquals(to, replay.horizon(), "the day's end, not its last event");
            assertTrue(replay.alertsOutsideWindow() > 1000, "the warm-up's alerts are counted, not written: "
                    + replay.alertsOutsideWindow());
            assertTrue(replay.balances());
            expected.values().forEach(a -> rules.add(a.ruleId()));
            if (day.equals(DAY)) {
                // 16 working days of a case's life and the 15 days after its closure, counted back from the day
                assertEquals(LocalDate.of(2026, 11, 9), replay.reading().days().get(0));
            }
        }
        assertEquals(whole.alertsByRule().keySet(), rules, "every rule is compared");
    }

    @Test
    void oneDayWithoutWarmUp_missesAlertsThatNeedEarlierDays() throws Exception {
        ReplaySummary cold = replay(new EmissionWindow(FROM, TO, Duration.ZERO), null);

        assertEquals(List.of(DAY), cold.reading().days());
        Set<String> missed = new TreeSet<>(byId(whole.alerts(),
                a -> !a.eventTime().isBefore(FROM) && a.eventTime().isBefore(TO)).keySet());
        missed.removeAll(byId(cold.alerts(), a -> true).keySet());
        assertFalse(missed.isEmpty(), "cases created before the day go overdue on it");
    }

    @Test
    void noAlertAfterUntil_norAtOrAfterEmitTo() throws Exception {
        Instant noon = Fixtures.beijing(DAY + "T12:00");
        ReplaySummary morning = replay(new EmissionWindow(FROM, TO, null), noon);

        assertEquals(noon, morning.horizon());
        assertEquals(byId(whole.alerts(), a -> !a.eventTime().isBefore(FROM) && !a.eventTime().isAfter(noon)),
                byId(morning.alerts(), a -> true));
        assertTrue(morning.alertsAfterHorizon() > 0, "deadlines after noon fire at end of input and are held back");

        ReplaySummary untilLater = replay(new EmissionWindow(FROM, TO, null), TO.plus(Duration.ofDays(3)));
        assertEquals(TO, untilLater.horizon(), "--emit-to caps --until");
        assertTrue(untilLater.alerts().stream().allMatch(a -> a.eventTime().isBefore(TO)));
    }

    private static Instant start(LocalDate day) {
        return Fixtures.beijing(day + "T00:00");
    }

    private ReplaySummary replay(EmissionWindow window, Instant until) throws Exception {
        return ReplayJob.run(new ReplayJob.Settings(GeneratedDays.sixtyArchive(), dir.resolve("out"), until, 2,
                RuntimeExecutionMode.BATCH, window), Fixtures.reference(),
                Fixtures.ruleSet(), System.out);
    }

    /** The alerts that pass, by id, without the wall time they were written at. */
    private static Map<String, Alert> byId(List<Alert> alerts, Predicate<Alert> filter) {
        return alerts.stream().filter(filter).map(a -> a.withEmittedAt(null))
                .collect(Collectors.toMap(Alert::alertId, a -> a, (a, b) -> {
                    throw new AssertionError("two alerts " + a.alertId());
                }, TreeMap::new));
    }

}
