package org.gridwarden.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The execution settings every job of this project runs with. */
public final class JobEnvironments {

    /** Environment variable with Flink settings that override this project's. */
    public static final String FLINK_PROPERTIES = "FLINK_PROPERTIES";

    private static final YAMLMapper YAML = new YAMLMapper();

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

    /**
     * The job's environment. A local MiniCluster (run, demo, replay) listens on 127.0.0.1 only: its REST API
     * cancels jobs without authentication and its BLOB server hands out job files. {@value #FLINK_PROPERTIES}
     * (YAML {@code key: value} lines, as Flink's own container images take them) overrides any of it, e.g.
     * {@code rest.bind-address: 0.0.0.0} to reach the web UI from another machine.
     */
    public static StreamExecutionEnvironment create(Configuration conf) {
        Configuration effective = new Configuration();
        String loopback = InetAddress.getLoopbackAddress().getHostAddress();
        effective.set(RestOptions.ADDRESS, loopback);
        effective.set(RestOptions.BIND_ADDRESS, loopback);
        effective.set(JobManagerOptions.ADDRESS, loopback);
        effective.set(JobManagerOptions.BIND_HOST, loopback);
        effective.set(TaskManagerOptions.HOST, loopback);
        effective.set(TaskManagerOptions.BIND_HOST, loopback);
        effective.addAll(conf);
        effective.addAll(flinkProperties(System.getenv(FLINK_PROPERTIES)));
        return StreamExecutionEnvironment.getExecutionEnvironment(effective);
    }

    static Configuration flinkProperties(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return new Configuration();
        }
        try {
            Map<String, Object> parsed = YAML.readValue(yaml, new TypeReference<Map<String, Object>>() {});
            Map<String, String> settings = new LinkedHashMap<>();
            parsed.forEach((key, value) -> settings.put(key, String.valueOf(value)));
            return Configuration.fromMap(settings);
        } catch (IOException e) {
            throw new IllegalArgumentException(FLINK_PROPERTIES + " is not YAML key: value lines: " + e.getMessage(), e);
        }
    }
}
