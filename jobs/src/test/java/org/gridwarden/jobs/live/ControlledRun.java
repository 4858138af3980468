package org.gridwarden.jobs.live;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.gridwarden.rules.ruleset.RuleSetHistory;
import org.gridwarden.rules.testing.Fixtures;

/**
 * The live job under its rule-set controller, on a thread of its own, as {@code gridwarden run} runs it: on the
 * test's broker and MiniCluster, with the settings of {@link LiveRun}.
 */
final class ControlledRun implements AutoCloseable {

    final RuleSetController controller;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private ControlledRun(RuleSetController controller) {
        this.controller = controller;
        this.thread = new Thread(() -> {
            try {
                controller.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "rule-set-controller");
    }

    /** Starts the controller and waits until every task of its job runs. */
    static ControlledRun start(LiveRun run, RuleSetHistory given, Path savepoints, MiniCluster cluster)
            throws Exception {
        ControlledRun controlled = new ControlledRun(new RuleSetController(run.liveSettings(), Fixtures.reference(),
                given, savepoints.toUri().toString(), Clock.systemUTC(), System.out));
        controlled.thread.start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (controlled.controller.job() == null) {
            if (controlled.failure.get() != null || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the controller did not start its job", controlled.failure.get());
            }
            Thread.sleep(100);
        }
        LiveRun.awaitAllTasksRunning(cluster, controlled.controller.job(), 0);
        return controlled;
    }

    @Override
    public void close() throws Exception {
        controller.close();
        thread.join(60_000);
        if (failure.get() != null) {
            throw new IllegalStateException("the controller failed", failure.get());
        }
    }
}
