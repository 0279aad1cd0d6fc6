package org.relaxha.monitor.ganglia;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The command line of {@code relaxha probe ganglia}: {@code HOST:PORT [--query PATH] [--timeout
 * SECONDS] [--tmax-multiple K] [--stale-after SECONDS] [--metric NAME]...}.
 *
 * <p>Immutable and thread-safe.
 */
record ProbeArgs(
    GangliaSource source, double tmaxMultiple, Duration staleAfter, List<String> metrics) {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: relaxha probe ganglia HOST:PORT [--query PATH] [--timeout SECONDS]",
          "                             [--tmax-multiple K] [--stale-after SECONDS] [--metric NAME]...",
          "Reads Ganglia XML once from gmond (port 8649), gmetad's XML port (8651) or its",
          "interactive port (8652, with --query /CLUSTER) and prints every host it reports:",
          "up or down by the adapter's rule TN <= K x TMAX, how long ago it was heard from,",
          "and its load_five. Use it to check the names and IPs the adapter's map rules match.",
          "  --query PATH          gmetad interactive-port path, e.g. /mycluster",
          "  --timeout SECONDS     time limit for connecting and reading (default 10)",
          "  --tmax-multiple K     k of the liveness rule (default 4, as gmetad)",
          "  --stale-after SECONDS age at which a gmetad's cluster copy is stale (default 30)",
          "  --metric NAME         also show this metric (repeatable)");

  /** Thrown for a command line that cannot be used; the message says why. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Whether the arguments ask for help. */
  static boolean wantsHelp(List<String> args) {
    return args.contains("--help") || args.contains("-h");
  }

  static ProbeArgs parse(List<String> args) {
    String address = null;
    String query = null;
    long timeout = 10;
    double k = GangliaConfig.DEFAULT_TMAX_MULTIPLE;
    long stale = GangliaConfig.DEFAULT_STALE_AFTER.toSeconds();
    List<String> metrics = new ArrayList<>();
    Iterator<String> it = args.iterator();
    while (it.hasNext()) {
      String arg = it.next();
      switch (arg) {
        case "--query" -> query = value(it, arg);
        case "--timeout" -> timeout = positive(arg, value(it, arg));
        case "--tmax-multiple" -> k = multiple(value(it, arg));
        case "--stale-after" -> stale = positive(arg, value(it, arg));
        case "--metric" -> metrics.add(value(it, arg));
        default -> {
          if (arg.startsWith("-") || address != null) {
            throw new UsageException("unexpected argument '" + arg + "'");
          }
          address = arg;
        }
      }
    }
    if (address == null) {
      throw new UsageException("which source? give HOST:PORT, e.g. localhost:8651");
    }
    return new ProbeArgs(source(address, query, timeout), k, Duration.ofSeconds(stale), metrics);
  }

  private static GangliaSource source(String address, String query, long timeout) {
    try {
      GangliaSource s =
          GangliaSource.parse(address, Duration.ofSeconds(1), Duration.ofSeconds(timeout));
      return query == null ? s : s.withQuery(query);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static String value(Iterator<String> it, String option) {
    if (!it.hasNext()) {
      throw new UsageException(option + " needs a value");
    }
    return it.next();
  }

  private static long positive(String option, String text) {
    try {
      long n = Long.parseLong(text);
      if (n > 0 && n <= 3600) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new UsageException(option + " takes whole seconds from 1 to 3600, not '" + text + "'");
  }

  private static double multiple(String text) {
    try {
      double k = Double.parseDouble(text);
      if (Double.isFinite(k) && k >= 1) {
        return k;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new UsageException("--tmax-multiple takes a number >= 1, not '" + text + "'");
  }
}
