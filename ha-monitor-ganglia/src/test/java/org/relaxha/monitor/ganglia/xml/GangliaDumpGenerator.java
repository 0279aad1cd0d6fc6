package org.relaxha.monitor.ganglia.xml;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a gmetad-shaped dump of a big grid, deterministically from a seed: {@code hosts} hosts
 * in clusters of {@code clusterSize}, each with {@code metrics} metrics (the six standard ones
 * first) carrying EXTRA_DATA as gmetad 3.7 writes it. 10,000 hosts x 30 metrics is 90.9 MB. Used by
 * the parse benchmark (benchmarks-pending/ganglia) and by the big-document tests.
 *
 * <p>Immutable and thread-safe.
 */
public final class GangliaDumpGenerator {
  /** Metric names, the standard ones first; {@code metrics} takes the first N. */
  public static final List<String> METRIC_NAMES =
      List.of(
          "load_one",
          "load_five",
          "load_fifteen",
          "cpu_num",
          "mem_total",
          "mem_free",
          "cpu_user",
          "cpu_system",
          "cpu_idle",
          "cpu_nice",
          "cpu_wio",
          "cpu_aidle",
          "cpu_speed",
          "mem_shared",
          "mem_buffers",
          "mem_cached",
          "swap_total",
          "swap_free",
          "bytes_in",
          "bytes_out",
          "pkts_in",
          "pkts_out",
          "disk_total",
          "disk_free",
          "part_max_used",
          "proc_run",
          "proc_total",
          "boottime",
          "cpu_steal",
          "mem_sreclaimable");

  private static final long GRID_TIME = 1_795_315_704L;

  private final int hosts;
  private final int metrics;
  private final int clusterSize;
  private final long seed;

  /** A dump of {@code hosts} hosts with {@code metrics} metrics each (at most 30). */
  public GangliaDumpGenerator(int hosts, int metrics, int clusterSize, long seed) {
    if (metrics > METRIC_NAMES.size() || metrics < 0 || hosts < 0 || clusterSize < 1) {
      throw new IllegalArgumentException("hosts >= 0, 0 <= metrics <= 30, clusterSize >= 1");
    }
    this.hosts = hosts;
    this.metrics = metrics;
    this.clusterSize = clusterSize;
    this.seed = seed;
  }

  /** The benchmark's dump: 10,000 hosts x 30 metrics in clusters of 500. */
  public static GangliaDumpGenerator benchmark() {
    return new GangliaDumpGenerator(10_000, 30, 500, 42);
  }

  public int hosts() {
    return hosts;
  }

  /** The name of host {@code i}. */
  public static String hostName(int i) {
    return "node-" + i + ".dc1.example.org";
  }

  /** The whole dump in memory. */
  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(hosts * (250 + 360 * metrics) + 4096);
    try {
      writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes the dump; stops with the exception if {@code out} fails (a client hung up). */
  public void writeTo(OutputStream target) throws IOException {
    OutputStream out = new BufferedOutputStream(target, 1 << 16);
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder(16_384);
    text.append(HEADER).append("<GANGLIA_XML VERSION=\"3.7.2\" SOURCE=\"gmetad\">\n");
    text.append("<GRID NAME=\"big\" AUTHORITY=\"http://x/ganglia/\" LOCALTIME=\"")
        .append(GRID_TIME)
        .append("\">\n");
    for (int i = 0; i < hosts; i++) {
      if (i % clusterSize == 0) {
        if (i > 0) {
          text.append("</CLUSTER>\n");
        }
        text.append("<CLUSTER NAME=\"cluster-")
            .append(i / clusterSize)
            .append("\" LOCALTIME=\"")
            .append(GRID_TIME - 2)
            .append("\" OWNER=\"o\" LATLONG=\"u\" URL=\"u\">\n");
      }
      host(text, i, random);
      flush(text, out);
    }
    if (hosts > 0) {
      text.append("</CLUSTER>\n");
    }
    text.append("</GRID>\n</GANGLIA_XML>\n");
    flush(text, out);
    out.flush();
  }

  private void host(StringBuilder text, int i, SplittableRandom random) {
    int tn = random.nextInt(0, 30);
    text.append("<HOST NAME=\"")
        .append(hostName(i))
        .append("\" IP=\"10.")
        .append((i >> 16) & 255)
        .append('.')
        .append((i >> 8) & 255)
        .append('.')
        .append(i & 255)
        .append("\" REPORTED=\"")
        .append(GRID_TIME - tn)
        .append("\" TN=\"")
        .append(tn)
        .append(
            "\" TMAX=\"20\" DMAX=\"0\" LOCATION=\"unspecified\" GMOND_STARTED=\"1795000000\""
                + " TAGS=\"\">\n");
    for (int m = 0; m < metrics; m++) {
      metric(text, METRIC_NAMES.get(m), random);
    }
    text.append("</HOST>\n");
  }

  private static void metric(StringBuilder text, String name, SplittableRandom random) {
    text.append("<METRIC NAME=\"")
        .append(name)
        .append("\" VAL=\"")
        .append(String.format(Locale.ROOT, "%.2f", random.nextDouble(0, 64)))
        .append("\" TYPE=\"float\" UNITS=\" \" TN=\"")
        .append(random.nextInt(0, 60))
        .append("\" TMAX=\"70\" DMAX=\"0\" SLOPE=\"both\" SOURCE=\"gmond\">\n")
        .append("<EXTRA_DATA>\n<EXTRA_ELEMENT NAME=\"GROUP\" VAL=\"load\"/>\n")
        .append("<EXTRA_ELEMENT NAME=\"DESC\" VAL=\"")
        .append(name)
        .append(" of the host\"/>\n<EXTRA_ELEMENT NAME=\"TITLE\" VAL=\"")
        .append(name)
        .append("\"/>\n</EXTRA_DATA>\n</METRIC>\n");
  }

  private static void flush(StringBuilder text, OutputStream out) throws IOException {
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    text.setLength(0);
  }

  private static final String HEADER =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?>\n"
          + "<!DOCTYPE GANGLIA_XML [\n"
          + "   <!ELEMENT GANGLIA_XML (GRID|CLUSTER|HOST)*>\n"
          + "      <!ATTLIST GANGLIA_XML VERSION CDATA #REQUIRED>\n"
          + "      <!ATTLIST GANGLIA_XML SOURCE CDATA #REQUIRED>\n"
          + "   <!ELEMENT GRID (CLUSTER | GRID | HOSTS | METRICS)*>\n"
          + "   <!ELEMENT CLUSTER (HOST | HOSTS | METRICS)*>\n"
          + "   <!ELEMENT HOST (METRIC)*>\n"
          + "   <!ELEMENT METRIC (EXTRA_DATA*)>\n"
          + "   <!ELEMENT EXTRA_DATA (EXTRA_ELEMENT*)>\n"
          + "   <!ELEMENT EXTRA_ELEMENT EMPTY>\n"
          + "]>\n";
}
