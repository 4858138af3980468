package org.gridwarden.jobs;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The execution settings every job of this project runs with. */
public final class JobEnvironments {

    /** Upper bound of rescaling; changing it later is a state migration. */
    public static final int MAX_PARALLELISM = 128;

    /**
     * Sort memory of a bounded run on this machine: BATCH mode sorts every keyed input, and with the local
     * default (128 MB for all operators of a slot) a city's year spills to disk and is read back.
     */
    static final MemorySize BOUNDED_RUN_MANAGED_MEMORY = MemorySize.ofMebiBytes(768);

    private JobEnvironments() {}

    /**
     * Model types must be Flink POJOs (records are): with generic types off, a Kryo fallback fails at job
     * submission instead of slowing the job down. Every stateful operator must carry an explicit uid.
     * Objects are reused between chained operators: every model type is an immutable record, so no function
     * can change what the next one sees, and the defensive copy per record and operator is pure cost.
     */
    public static Configuration base(RuntimeExecutionMode mode, int parallelism) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(PipelineOptions.MAX_PARALLELISM, MAX_PARALLELISM);
        conf.set(ExecutionOptions.RUNTIME_MODE, mode);
        conf.set(org.apache.flink.configuration.CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return conf;
    }

    /**
     * A bounded run (replay, backtest) in this JVM: enough sort memory not to spill, and no compression of
     * the blocking shuffle, whose files stay on this machine's disk (LZ4 was a tenth of a replay's CPU).
     */
    public static Configuration boundedLocal(RuntimeExecutionMode mode, int parallelism) {
        Configuration conf = base(mode, parallelism);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, BOUNDED_RUN_MANAGED_MEMORY);
        conf.set(NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC, NettyShuffleEnvironmentOptions.CompressionCodec.NONE);
        return conf;
    }

    public static StreamExecutionEnvironment create(Configuration conf) {
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }
}
