package org.gridwarden.rules.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.gridwarden.rules.RuleContext;
import org.gridwarden.rules.RuleFamilies;
import org.gridwarden.rules.RuleStreams;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.ruleset.RuleFamily;

/**
 * Complaint cases for the complaint rules' tests: a builder for CREATED events with complainant, building or
 * address, and a small MiniCluster run of one rule in STREAMING or BATCH mode.
 */
public final class ComplaintCases {

    /** Grids of 湖滨社区 (S01C01, 东湖街道) and one of 柳岸社区 (S01C02). */
    public static final String GRID = "S01C01G01";
    public static final String GRID_2 = "S01C01G02";
    public static final String OTHER_COMMUNITY_GRID = "S01C02G01";
    public static final String BLOCKED_EXIT = "fire.blocked_exit";
    public static final String ILLEGAL_WIRING = "fire.illegal_wiring";
    public static final String NOISE = "public_order.noise_nuisance";

    private ComplaintCases() {}

    public static Builder complaint(String caseId, Instant at) {
        return new Builder(caseId, at);
    }

    /** A CREATED event; by default a HOTLINE complaint about a blocked fire exit in {@link #GRID}. */
    public static final class Builder {
        private final String caseId;
        private final Instant at;
        private Channel channel = Channel.HOTLINE;
        private String category = BLOCKED_EXIT;
        private String gridId = GRID;
        private String buildingId;
        private String address;
        private String complainantId;

        private Builder(String caseId, Instant at) {
            this.caseId = caseId;
            this.at = at;
        }

        public Builder by(String complainant) {
            this.complainantId = complainant;
            return this;
        }

        public Builder building(String building) {
            this.buildingId = building;
            return this;
        }

        public Builder address(String text) {
            this.address = text;
            return this;
        }

        public Builder category(String code) {
            this.category = code;
            return this;
        }

        public Builder grid(String grid) {
            this.gridId = grid;
            return this;
        }

        public Builder via(Channel c) {
            this.channel = c;
            return this;
        }

        public LedgerEvent event() {
            return new LedgerEvent(caseId + "-created", caseId, LedgerEventType.CREATED, at, channel, category,
                    gridId, buildingId, address, complainantId, Priority.NORMAL, null, null, null, null, null);
        }
    }

    /** A rule family wired alone on the ledger, as the workflow wires it (its shared operators included). */
    public static BiFunction<DataStream<LedgerEvent>, RuleContext, DataStream<Alert>> alone(RuleFamily family) {
        return (ledger, ctx) -> RuleStreams.alone(RuleFamilies.SHIPPED.of(family), ledger, null, ctx);
    }

    /**
     * Runs one rule over the events on the test MiniCluster (parallelism 2, generic types and automatic uids
     * off) and returns its alerts sorted by event time and id. Events may be out of order by up to 10 minutes.
     */
    public static List<Alert> run(RuntimeExecutionMode mode, List<LedgerEvent> events,
            BiFunction<DataStream<LedgerEvent>, RuleContext, DataStream<Alert>> rule) throws Exception {
        return run(mode, events, rule, RuleContext.of(Fixtures.reference(), Fixtures.ruleSet()));
    }

    /** As {@link #run(RuntimeExecutionMode, List, BiFunction)}, under the rule sets of {@code ctx}. */
    public static List<Alert> run(RuntimeExecutionMode mode, List<LedgerEvent> events,
            BiFunction<DataStream<LedgerEvent>, RuleContext, DataStream<Alert>> rule, RuleContext ctx)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        DataStream<LedgerEvent> ledger = env.fromData(events).uid("test-ledger").name("test ledger")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<LedgerEvent>forBoundedOutOfOrderness(Duration.ofMinutes(10))
                        .withTimestampAssigner((e, ts) -> e.at().toEpochMilli()))
                .uid("test-watermarks").name("test watermarks");
        DataStream<Alert> alerts = rule.apply(ledger, ctx);
        List<Alert> out = new ArrayList<>();
        try (CloseableIterator<Alert> it = alerts.executeAndCollect("complaint rule test")) {
            it.forEachRemaining(out::add);
        }
        out.sort(Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId));
        return out;
    }
}
