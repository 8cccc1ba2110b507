package io.igpipe.media;

import java.nio.file.Path;

/**
 * Entry point for tests that need a JVM with a given heap: {@code generate <file> <width> <height>} writes a
 * photo-like JPEG (needs about 3 bytes per pixel of heap); {@code optimize <source> <target>} optimizes a file with
 * the default rules and prints the result. Exits 0 on success, non-zero on any exception or OutOfMemoryError.
 */
public final class OptimizerChildMain {

    private OptimizerChildMain() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> {
                int width = Integer.parseInt(args[2]);
                int height = Integer.parseInt(args[3]);
                SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(width, height, 100), Path.of(args[1]), 0.85f, false);
            }
            case "optimize" -> {
                OptimizedImage result = new ImageOptimizer(ImageRules.defaults())
                        .optimize(Path.of(args[1]), Path.of(args[2]), OptimizationProfile.STANDARD);
                System.out.println(result);
                System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
            }
            default -> throw new IllegalArgumentException("Unknown command " + args[0]);
        }
    }
}
