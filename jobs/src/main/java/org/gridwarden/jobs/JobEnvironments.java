package org.gridwarden.jobs;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The execution settings every job of this project runs with. */
public final class JobEnvironments {

    /** Upper bound of rescaling; changing it later is a state migration. */
    public static final int MAX_PARALLELISM = 128;

    private JobEnvironments() {}

    /**
     * Model types must be Flink POJOs (records are): with generic types off, a Kryo fallback fails at job
     * submission instead of slowing the job down. Every stateful operator must carry an explicit uid.
     */
    public static Configuration base(RuntimeExecutionMode mode, int parallelism) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(PipelineOptions.MAX_PARALLELISM, MAX_PARALLELISM);
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.set(org.apache.flink.configuration.CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return conf;
    }

    public static StreamExecutionEnvironment create(Configuration conf) {
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }
}
