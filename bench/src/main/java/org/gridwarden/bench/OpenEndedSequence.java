package org.gridwarden.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;

/**
 * The numbers {@code 0 .. count-1}, then nothing, without ever ending. A bounded source would end the job: its
 * final watermark fires every timer and the rules clear their state, so the checkpoint after the input would
 * measure empty state. This one stays open, so the state built from the input is still there to checkpoint.
 */
final class OpenEndedSequence extends NumberSequenceSource {

    private static final long serialVersionUID = 1L;

    OpenEndedSequence(long count) {
        super(0, count - 1);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return new NeverDone(context, List.of(new NumberSequenceSplit("0", getFrom(), getTo())));
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> checkpoint) {
        return new NeverDone(context, checkpoint);
    }

    /** Hands out the splits it has and never tells a reader that there are no more. */
    private static final class NeverDone implements SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> {
        private final SplitEnumeratorContext<NumberSequenceSplit> context;
        private final Queue<NumberSequenceSplit> remaining;

        NeverDone(SplitEnumeratorContext<NumberSequenceSplit> context, Collection<NumberSequenceSplit> splits) {
            this.context = context;
            this.remaining = new ArrayDeque<>(splits);
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtask, String hostname) {
            NumberSequenceSplit next = remaining.poll();
            if (next != null) {
                context.assignSplit(next, subtask);
            }
        }

        @Override
        public void addSplitsBack(List<NumberSequenceSplit> splits, int subtask) {
            remaining.addAll(splits);
        }

        @Override
        public void addReader(int subtask) {}

        @Override
        public Collection<NumberSequenceSplit> snapshotState(long checkpointId) {
            return new ArrayList<>(remaining);
        }

        @Override
        public void close() {}
    }
}
