package io.github.seckill.loadtest.sale;

import java.lang.management.ManagementFactory;

/** The machine the figures were measured on. */
record Machine(int cores, long memoryBytes, String jdk, String os, double loadAverage) {

    static Machine here() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    @Override
    public String toString() {
        return cores + " cores, " + String.format("%.1f GiB", memoryBytes / (1024.0 * 1024 * 1024)) + ", " + jdk + ", "
                + os + String.format(", load average %.1f", loadAverage);
    }
}
