package org.gridwarden.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.flink.runtime.util.EnvironmentInformation;

/**
 * The machine a benchmark ran on, as a results file states it: figures from one machine mean little without
 * its cores, memory and how busy it was.
 */
record Machine(String cpu, int cores, long memoryBytes, String os, String java, String flink, long maxHeapBytes) {

    static Machine here() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                EnvironmentInformation.getVersion(), Runtime.getRuntime().maxMemory());
    }

    /** The 1-minute load average: above the core count, other processes took part of the CPU. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    String describe() {
        return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB RAM; %s; %s; Flink %s; max heap %,d MB", cpu, cores,
                memoryBytes / (double) (1L << 30), os, java, flink, maxHeapBytes >> 20);
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
