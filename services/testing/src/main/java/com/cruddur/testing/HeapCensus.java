package com.cruddur.testing;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How many objects of some classes this JVM keeps alive: a class histogram ({@code jcmd <pid> GC.class_histogram},
 * asked through the {@code DiagnosticCommand} MBean), which first runs a full collection. For the tests that prove a
 * path keeps nothing per call (docs/memory.md).
 */
public final class HeapCensus {

    private HeapCensus() {}

    /** The live instances of one class, or of every class of a package ({@code name} ending with a dot). */
    public static long live(String name) {
        String histogram;
        try {
            histogram = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {null},
                            new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("no class histogram from this JVM", e);
        }
        // rows: "  7:   22790   1823200  io.smallrye.faulttolerance.core.metrics.MetricsCollector"
        return histogram
                .lines()
                .map(String::trim)
                .map(line -> line.split("\\s+"))
                .filter(columns -> columns.length >= 4 && matches(columns[3], name))
                .mapToLong(columns -> Long.parseLong(columns[1]))
                .sum();
    }

    private static boolean matches(String className, String name) {
        return name.endsWith(".") ? className.startsWith(name) : className.equals(name);
    }
}
