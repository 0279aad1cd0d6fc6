package org.relaxha.monitor.ganglia.xml;

import org.relaxha.spi.Require;

/**
 * The bounds one document must stay within, so that a broken or hostile source costs bounded memory
 * and time: its size in bytes, the number of {@code HOST} elements, the element nesting depth, and
 * the longest run of bytes without markup (which bounds any single attribute value or text node the
 * XML reader must buffer).
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxBytes the largest document accepted, in bytes
 * @param maxHosts the most {@code HOST} elements accepted in one document
 * @param maxDepth the deepest element nesting accepted (a gmetad of gmetads nests a few GRIDs)
 * @param maxTokenBytes the longest run of bytes without a {@code <} accepted
 */
public record ParseLimits(long maxBytes, int maxHosts, int maxDepth, int maxTokenBytes) {
  /** 128 MiB: a grid of tens of thousands of hosts with every metric fits. */
  public static final long DEFAULT_MAX_BYTES = 128L << 20;

  /** One hundred thousand hosts. */
  public static final int DEFAULT_MAX_HOSTS = 100_000;

  /** GANGLIA_XML, GRID (a few nested), CLUSTER, HOST, METRIC, EXTRA_DATA, EXTRA_ELEMENT. */
  public static final int DEFAULT_MAX_DEPTH = 16;

  /** 1 MiB: a Ganglia element line is a few hundred bytes. */
  public static final int DEFAULT_MAX_TOKEN_BYTES = 1 << 20;

  /** Validates every field. */
  public ParseLimits {
    Require.atLeast(maxBytes, 1, "parseLimits.maxBytes");
    Require.atLeast(maxHosts, 1, "parseLimits.maxHosts");
    Require.atLeast(maxDepth, 4, "parseLimits.maxDepth");
    Require.atLeast(maxTokenBytes, 1024, "parseLimits.maxTokenBytes");
  }

  /** The defaults: 128 MiB, 100,000 hosts, depth 16, 1 MiB without markup. */
  public static ParseLimits ofDefaults() {
    return new ParseLimits(
        DEFAULT_MAX_BYTES, DEFAULT_MAX_HOSTS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_TOKEN_BYTES);
  }

  /** A copy with another size limit. */
  public ParseLimits withMaxBytes(long bytes) {
    return new ParseLimits(bytes, maxHosts, maxDepth, maxTokenBytes);
  }

  /** A copy with another host limit. */
  public ParseLimits withMaxHosts(int hosts) {
    return new ParseLimits(maxBytes, hosts, maxDepth, maxTokenBytes);
  }
}
