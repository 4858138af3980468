package org.gridwarden.jobs;

import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.gridwarden.rules.alert.NewestEventBound.Reading;
import org.gridwarden.rules.model.Ingested;

/**
 * The newest event time of the valid records one task hands to the rules, sent once when its input ends: a
 * bound on the horizon of a run that has no {@code --until}, known inside the job before a single end-of-input
 * timer fires. An operator rather than a function, as only an operator learns that its input has ended.
 * Chained to the event-time window, so it costs a comparison per record and sends one record per task.
 */
public final class NewestEventTime extends AbstractStreamOperator<Reading>
        implements OneInputStreamOperator<Ingested, Reading>, BoundedOneInput {

    private final String reader;
    private transient long newest;

    public NewestEventTime(String reader) {
        this.reader = reader;
    }

    @Override
    public void open() throws Exception {
        super.open();
        newest = Long.MIN_VALUE;
    }

    @Override
    public void processElement(StreamRecord<Ingested> element) {
        // a dead letter's event time is Long.MIN_VALUE, so it never moves the bound
        newest = Math.max(newest, element.getValue().eventTimeMillis());
    }

    @Override
    public void endInput() {
        TaskInfo task = getRuntimeContext().getTaskInfo();
        output.collect(new StreamRecord<>(new Reading(reader, task.getIndexOfThisSubtask(),
                task.getNumberOfParallelSubtasks(), newest)));
    }
}
