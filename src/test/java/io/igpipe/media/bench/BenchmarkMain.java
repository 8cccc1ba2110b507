package io.igpipe.media.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ImageOptimizerBenchmark} with {@link PeakHeapProfiler} and JMH's {@code gc} profiler, then prints
 * images per second, peak heap and allocation per image for each source.
 *
 * <p>Arguments are ordinary JMH options and override the annotations' defaults; a single argument holding several
 * options is split on spaces, which is how {@code -Dbenchmark.args="-wi 1 -i 2"} arrives from Maven. Unless
 * {@code -jvmArgs}/{@code -jvmArgsAppend} is given, the benchmark JVM gets a fixed heap of
 * max(1024, 96 x processors) MB, so that peak heap figures are comparable between runs.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        String[] jmhArgs = Arrays.stream(args)
                .flatMap(arg -> Arrays.stream(arg.trim().split("\\s+")))
                .filter(arg -> !arg.isEmpty())
                .toArray(String[]::new);
        CommandLineOptions commandLine = new CommandLineOptions(jmhArgs);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(commandLine)
                .addProfiler(PeakHeapProfiler.class)
                .addProfiler(GCProfiler.class);
        if (commandLine.getIncludes().isEmpty()) {
            options.include(ImageOptimizerBenchmark.class.getName());
        }
        if (!commandLine.getJvmArgs().hasValue() && !commandLine.getJvmArgsAppend().hasValue()) {
            int heapMb = Math.max(1024, 96 * Runtime.getRuntime().availableProcessors());
            options.jvmArgsAppend("-Xms" + heapMb + "m", "-Xmx" + heapMb + "m");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        printSummary(results);
    }

    private static void printSummary(Collection<RunResult> results) {
        List<String> lines = new ArrayList<>();
        double overallPeak = 0;
        double heapMax = 0;
        int threads = 0;
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            Map<String, Result> secondary = run.getSecondaryResults();
            double peak = score(secondary, "·heap.peak");
            double allocatedMb = score(secondary, "gc.alloc.rate.norm") / (1024 * 1024);
            overallPeak = Math.max(overallPeak, peak);
            heapMax = Math.max(heapMax, score(secondary, "·heap.max"));
            threads = run.getParams().getThreads();
            String source = run.getParams().getParam("source");
            lines.add(String.format(Locale.ROOT, "%-16s %10.2f %9.2f %14.0f %18.1f", source == null ? "-" : source,
                    primary.getScore(), primary.getScoreError(), peak, allocatedMb));
        }
        System.out.println();
        System.out.println("igpipe media benchmark: ImageOptimizer.optimize (STANDARD profile), " + threads
                + " threads on " + Runtime.getRuntime().availableProcessors() + " processors");
        System.out.println(String.format(Locale.ROOT, "%-16s %10s %9s %14s %18s", "source", "images/s", "± error",
                "peak heap MB", "allocated MB/image"));
        lines.forEach(System.out::println);
        System.out.println(String.format(Locale.ROOT, "Peak heap over the run: %.0f MB of a %.0f MB heap", overallPeak,
                heapMax));
    }

    /** A secondary result's score; profilers label results with or without a leading middle dot. */
    private static double score(Map<String, Result> results, String label) {
        String bare = label.startsWith("·") ? label.substring(1) : label;
        Result result = results.containsKey(bare) ? results.get(bare) : results.get("·" + bare);
        return result == null ? Double.NaN : result.getScore();
    }
}
