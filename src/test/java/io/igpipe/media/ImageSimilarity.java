package io.igpipe.media;

import java.awt.image.BufferedImage;

/** Compares images by the mean colours of a coarse grid, which is robust to scaling and JPEG artefacts. */
final class ImageSimilarity {

    private ImageSimilarity() {
    }

    /** Mean colour of each grid cell, as [row][column][r, g, b]. */
    static double[][][] grid(BufferedImage image, int columns, int rows) {
        double[][][] cells = new double[rows][columns][3];
        long[][] counts = new long[rows][columns];
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int cy = (int) ((long) y * rows / height);
            for (int x = 0; x < width; x++) {
                int cx = (int) ((long) x * columns / width);
                int rgb = row[x];
                cells[cy][cx][0] += (rgb >> 16) & 0xFF;
                cells[cy][cx][1] += (rgb >> 8) & 0xFF;
                cells[cy][cx][2] += rgb & 0xFF;
                counts[cy][cx]++;
            }
        }
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                for (int c = 0; c < 3; c++) {
                    cells[y][x][c] /= Math.max(1, counts[y][x]);
                }
            }
        }
        return cells;
    }

    /** Mean absolute difference (0..255) between the grid colours of two images of any size. */
    static double meanAbsoluteDifference(BufferedImage a, BufferedImage b, int columns, int rows) {
        double[][][] ga = grid(a, columns, rows);
        double[][][] gb = grid(b, columns, rows);
        double sum = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                for (int c = 0; c < 3; c++) {
                    sum += Math.abs(ga[y][x][c] - gb[y][x][c]);
                }
            }
        }
        return sum / (rows * columns * 3);
    }

    /** Mean colour of a rectangle, as {r, g, b}. */
    static double[] meanColor(BufferedImage image, int x0, int y0, int width, int height) {
        double[] sum = new double[3];
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                int rgb = image.getRGB(x, y);
                sum[0] += (rgb >> 16) & 0xFF;
                sum[1] += (rgb >> 8) & 0xFF;
                sum[2] += rgb & 0xFF;
            }
        }
        int n = width * height;
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }
}
