package org.gridwarden.rules.alert;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.AlertLevel;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.CategoryFamily;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * Enrichment (信息补全): turns what a rule found into an alert a department can act on, with the grid, its
 * community, street and worker, the category, title and message in Chinese and English, the responsible department and tier.
 */
public final class AlertFactory implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The accumulator of the alerts a bounded run does not raise because they fall after its horizon. */
    public static final String AFTER_HORIZON = "alerts-after-horizon";

    private final ReferenceData reference;
    private final Instant horizon;

    public AlertFactory(ReferenceData reference) {
        this(reference, null);
    }

    private AlertFactory(ReferenceData reference, Instant horizon) {
        this.reference = reference;
        this.horizon = horizon;
    }

    /**
     * The factory of a bounded run that ends at {@code horizon} (null: none known before the run). At its end
     * every deadline left fires; a rule that raises many of them asks {@link #raises} before it writes the
     * alert's texts, which are most of an alert's cost.
     */
    public AlertFactory withHorizon(Instant horizon) {
        return new AlertFactory(reference, horizon);
    }

    public Instant horizon() {
        return horizon;
    }

    /** Whether an alert that becomes true at {@code eventTime} is raised at all: not after a known horizon. */
    public boolean raises(Instant eventTime) {
        return horizon == null || !eventTime.isAfter(horizon);
    }

    /**
     * Where a rule counts the alerts it does not raise because they fall after the horizon, given or learned
     * inside the job ({@link NewestEventBound}): the bounded run's {@value #AFTER_HORIZON} accumulator, which
     * stays at zero live.
     */
    public LongCounter afterHorizonCounter(RuntimeContext runtime) {
        return runtime.getLongCounter(AFTER_HORIZON);
    }

    public ReferenceData reference() {
        return reference;
    }

    /** What a rule found, before enrichment. */
    public record Finding(
            String ruleId,
            AlertLevel level,
            String subjectKey,
            String discriminator,
            String caseId,
            Department department,
            String gridId,
            String categoryCode,
            Bilingual title,
            Bilingual message,
            List<String> evidence,
            Instant eventTime,
            Instant deadline) {}

    /** The alert for a finding decided under rule-set version {@code version}. */
    public Alert create(Finding f, String version) {
        return create(f, version, f.eventTime());
    }

    /**
     * The alert for a finding about an episode (e.g. a run of repeated complaints) whose identity is its start,
     * so the same episode keeps its alert id when a changed threshold flags it earlier or later.
     */
    public Alert createEpisode(Finding f, String version, Instant episodeStart) {
        return create(f, version, episodeStart);
    }

    private Alert create(Finding f, String version, Instant identityTime) {
        GridPlace place = reference.grid(f.gridId()).orElse(null);
        Category category = reference.category(f.categoryCode()).orElse(null);
        CategoryFamily family = category == null ? null : reference.family(category.family()).orElse(null);
        Department dept = f.department();
        return new Alert(
                AlertIds.of(f.ruleId(), f.level().name(), f.subjectKey(), f.discriminator(), identityTime),
                f.ruleId(),
                version,
                f.level(),
                f.level().severity(),
                f.subjectKey(),
                f.caseId(),
                dept.id(),
                dept.name(),
                dept.tier().name(),
                f.gridId(),
                place == null ? null : place.grid().name(),
                place == null ? null : place.community().id(),
                place == null ? null : place.community().name(),
                place == null ? null : place.street().id(),
                place == null ? null : place.street().name(),
                reference.district().name(),
                place == null ? null : place.grid().workerId(),
                place == null ? null : place.grid().workerName(),
                f.categoryCode(),
                family == null ? null : family.id(),
                category == null ? null : category.name(),
                category == null ? null : category.nameEn(),
                f.title().zh(),
                f.message().zh(),
                f.title().en(),
                f.message().en(),
                List.copyOf(f.evidence()),
                f.eventTime(),
                f.deadline(),
                null);
    }

    /** A time as people in the district read it, for messages. */
    public String local(Instant t) {
        return LOCAL_TIME.format(t.atZone(reference.zone()));
    }
}
