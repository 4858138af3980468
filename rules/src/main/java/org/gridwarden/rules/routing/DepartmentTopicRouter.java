package org.gridwarden.rules.routing;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.gridwarden.rules.metrics.AlertMetrics;
import org.gridwarden.rules.metrics.LabelledCounters;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.ReferenceData;

/**
 * Every alert goes twice: to the responsible department's own topic (the topic named in the reference
 * data, e.g. {@code alerts.urban-management}) and to the operations center's topic ({@code alerts.all}).
 * An alert for a department without a topic still reaches the operations center.
 *
 * <p>Every alert of the job passes here exactly once, so this is where alerts are counted by rule, level and
 * department (metric {@value AlertMetrics#ALERTS}).
 */
public final class DepartmentTopicRouter extends RichFlatMapFunction<Alert, RoutedAlert> {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> topicOfDepartment = new HashMap<>();
    private final String allTopic;
    private transient LabelledCounters alerts;

    public DepartmentTopicRouter(ReferenceData reference, String allTopic) {
        for (Department d : reference.departments()) {
            topicOfDepartment.put(d.id(), d.topic());
        }
        this.allTopic = allTopic;
    }

    @Override
    public void open(OpenContext openContext) {
        alerts = new LabelledCounters(getRuntimeContext().getMetricGroup(), AlertMetrics.ALERTS,
                AlertMetrics.RULE, AlertMetrics.LEVEL, AlertMetrics.DEPARTMENT);
    }

    @Override
    public void flatMap(Alert alert, Collector<RoutedAlert> out) {
        alerts.inc(alert.ruleId(), alert.level().name(), String.valueOf(alert.department()));
        String topic = topicOfDepartment.get(alert.department());
        if (topic != null) {
            out.collect(new RoutedAlert(topic, alert));
        }
        out.collect(new RoutedAlert(allTopic, alert));
    }

    public String topicOf(String department) {
        return topicOfDepartment.get(department);
    }
}
