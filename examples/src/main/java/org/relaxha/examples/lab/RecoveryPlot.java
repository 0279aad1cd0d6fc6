package org.relaxha.examples.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.relaxha.examples.config.ScenarioFile;
import org.relaxha.sim.Expectation;
import org.relaxha.sim.Failure;
import org.relaxha.sim.Phase;

/**
 * Draws the distribution of recovery times (failure until back in service) the way the 3RC paper's
 * figures do: one panel per incident, a histogram of the runs of each variant, each variant's mean
 * as a vertical line and the paper's range as a shaded band. PNG through Java2D, or SVG written by
 * hand; no plotting library.
 *
 * <p>Stateless and thread-safe.
 */
final class RecoveryPlot {
  private static final int PANEL_W = 460;
  private static final int PANEL_H = 250;
  private static final int BINS = 40;
  private static final String[] COLORS = {"#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"};

  private RecoveryPlot() {}

  /** Draws to {@code path}: SVG if it ends with {@code .svg}, PNG otherwise. */
  static void draw(Path path, ScenarioFile file, List<VariantRuns> variants) {
    List<Failure> incidents = variants.get(0).variant().incidents();
    int columns = incidents.size() <= 1 ? 1 : 2;
    int rows = Math.max(1, (incidents.size() + columns - 1) / columns);
    int width = columns * PANEL_W + 20;
    int height = rows * PANEL_H + 90;
    boolean svg = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
    Canvas c = svg ? new SvgCanvas(width, height) : new PngCanvas(width, height);
    c.text(
        width / 2.0,
        24,
        "Recovery time (failure until back in service): " + file.name(),
        15,
        "middle",
        "#000");
    double lx = 20;
    for (int v = 0; v < variants.size(); v++) {
      String color = COLORS[v % COLORS.length];
      c.rect(lx, 38, 12, 12, color, 0.8);
      String label = variants.get(v).name() + " (" + variants.get(v).runs().size() + " runs)";
      c.text(lx + 16, 49, label, 12, "start", "#000");
      lx += 30 + label.length() * 7;
    }
    c.rect(lx, 38, 12, 12, "#999999", 0.3);
    c.text(lx + 16, 49, "paper's range", 12, "start", "#000");
    for (int i = 0; i < incidents.size(); i++) {
      double x0 = 10 + (i % columns) * PANEL_W;
      double y0 = 70 + (i / columns) * PANEL_H;
      panel(c, x0, y0, i, incidents.get(i), variants);
    }
    c.save(path);
  }

  private static void panel(
      Canvas c, double x0, double y0, int i, Failure f, List<VariantRuns> variants) {
    double left = x0 + 45;
    double top = y0 + 24;
    double w = PANEL_W - 70;
    double h = PANEL_H - 70;
    double max = 1;
    for (VariantRuns v : variants) {
      for (double s : v.seconds(i, Phase.BACK)) {
        max = Math.max(max, s);
      }
    }
    Expectation e = f.expect().values().stream().findFirst().orElse(null);
    if (e != null) {
      max = Math.max(max, e.high().toMillis() / 1000.0);
    }
    double scale = niceCeiling(max * 1.05);
    double bin = scale / BINS;
    int[][] counts = new int[variants.size()][BINS];
    int highest = 1;
    for (int v = 0; v < variants.size(); v++) {
      for (double s : variants.get(v).seconds(i, Phase.BACK)) {
        int b = Math.min(BINS - 1, (int) (s / bin));
        highest = Math.max(highest, ++counts[v][b]);
      }
    }
    c.text(x0 + 10, y0 + 8, LabText.cut((i + 1) + ". " + f.describe(), 62), 12, "start", "#000");
    if (e != null) {
      double a = left + w * (e.low().toMillis() / 1000.0) / scale;
      double b = left + w * (e.high().toMillis() / 1000.0) / scale;
      c.rect(a, top, Math.max(1, b - a), h, "#999999", 0.3);
    }
    double barW = w / BINS / variants.size();
    for (int v = 0; v < variants.size(); v++) {
      for (int b = 0; b < BINS; b++) {
        if (counts[v][b] > 0) {
          double bh = h * counts[v][b] / highest;
          c.rect(
              left + b * (w / BINS) + v * barW,
              top + h - bh,
              barW,
              bh,
              COLORS[v % COLORS.length],
              0.85);
        }
      }
      double mean = variants.get(v).stats(i, Phase.BACK).mean();
      if (!Double.isNaN(mean)) {
        double mx = left + w * mean / scale;
        c.line(mx, top, mx, top + h, COLORS[v % COLORS.length], 2);
      }
    }
    c.line(left, top + h, left + w, top + h, "#000", 1);
    c.line(left, top, left, top + h, "#000", 1);
    for (int t = 0; t <= 5; t++) {
      double value = scale * t / 5;
      double tx = left + w * t / 5;
      c.line(tx, top + h, tx, top + h + 4, "#000", 1);
      c.text(tx, top + h + 16, String.format(Locale.ROOT, "%.0f", value), 11, "middle", "#000");
    }
    c.text(left + w / 2, top + h + 32, "seconds", 11, "middle", "#333");
    c.text(left - 6, top + 10, Integer.toString(highest), 11, "end", "#000");
    c.text(left - 6, top + h, "0", 11, "end", "#000");
    c.text(left + 4, top - 4, "runs", 11, "start", "#333");
  }

  private static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /** The few drawing operations the plot needs, in pixels, y downwards. */
  private interface Canvas {
    void rect(double x, double y, double w, double h, String color, double opacity);

    void line(double x1, double y1, double x2, double y2, String color, double width);

    void text(double x, double y, String text, int size, String anchor, String color);

    void save(Path path);
  }

  /** SVG, written by hand. */
  private static final class SvgCanvas implements Canvas {
    private final StringBuilder svg = new StringBuilder();

    SvgCanvas(int width, int height) {
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
                  width,
                  height,
                  width,
                  height))
          .append(
              String.format(
                  Locale.ROOT,
                  "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n",
                  width,
                  height));
    }

    @Override
    public void rect(double x, double y, double w, double h, String color, double opacity) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\"/>%n",
              x,
              y,
              w,
              h,
              color,
              opacity));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
              x1,
              y1,
              x2,
              y2,
              color,
              width));
    }

    @Override
    public void text(double x, double y, String text, int size, String anchor, String color) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
              x,
              y,
              size,
              anchor,
              color,
              escape(text)));
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void save(Path path) {
      try {
        Files.writeString(path, svg + "</svg>\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path, e);
      }
    }
  }

  /** PNG through Java2D (headless). */
  private static final class PngCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;

    PngCanvas(int width, int height) {
      System.setProperty("java.awt.headless", "true");
      image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      g = image.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
    }

    private static Color color(String hex, double opacity) {
      Color c = Color.decode(hex.length() == 4 ? expand(hex) : hex);
      return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(opacity * 255));
    }

    private static String expand(String hex) {
      return "#"
          + hex.charAt(1)
          + hex.charAt(1)
          + hex.charAt(2)
          + hex.charAt(2)
          + hex.charAt(3)
          + hex.charAt(3);
    }

    @Override
    public void rect(double x, double y, double w, double h, String color, double opacity) {
      g.setColor(color(color, opacity));
      g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String color, double width) {
      g.setColor(color(color, 1));
      g.setStroke(new BasicStroke((float) width));
      g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void text(double x, double y, String text, int size, String anchor, String color) {
      g.setColor(color(color, 1));
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
      int w = g.getFontMetrics().stringWidth(text);
      double dx = anchor.equals("middle") ? -w / 2.0 : anchor.equals("end") ? -w : 0;
      g.drawString(text, (float) (x + dx), (float) y);
    }

    @Override
    public void save(Path path) {
      g.dispose();
      try {
        if (!ImageIO.write(image, "png", path.toFile())) {
          throw new IllegalStateException("no PNG writer in this JVM");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path, e);
      }
    }
  }
}
