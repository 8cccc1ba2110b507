package io.igpipe.media.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler (runs inside the benchmark JVM) reporting per iteration:
 * <ul>
 *   <li>{@code ·heap.peak}: the heap's high-water mark, i.e. the largest heap use seen just before a collection
 *       (from GC notifications) or at the end of the iteration, in MB. With an allocation-heavy load the collector
 *       lets garbage pile up toward the limit, so read it together with {@code ·heap.max};</li>
 *   <li>{@code ·heap.max}: the heap limit (-Xmx), in MB.</li>
 * </ul>
 * Aggregated over iterations by maximum. Allocation per image comes from JMH's own {@code gc} profiler.
 */
public final class PeakHeapProfiler implements InternalProfiler {

    private static final double MB = 1024.0 * 1024.0;

    private final Set<String> heapPools;
    private final AtomicLong peakBeforeGc = new AtomicLong();

    public PeakHeapProfiler() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toUnmodifiableSet());
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                peakBeforeGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    @Override
    public String getDescription() {
        return "Peak heap use (GC notifications) and heap limit";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakBeforeGc.set(now);
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long peak = Math.max(peakBeforeGc.get(), heap.getUsed());
        return List.of(
                new ScalarResult("·heap.peak", peak / MB, "MB", AggregationPolicy.MAX),
                new ScalarResult("·heap.max", heap.getMax() / MB, "MB", AggregationPolicy.MAX));
    }

    private long heapUsed(Map<String, MemoryUsage> usageByPool) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : usageByPool.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }
}
