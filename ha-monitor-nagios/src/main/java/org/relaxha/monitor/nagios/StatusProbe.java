package org.relaxha.monitor.nagios;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.relaxha.monitor.nagios.status.Block;
import org.relaxha.monitor.nagios.status.BlockParser;
import org.relaxha.monitor.nagios.status.NagiosObject;
import org.relaxha.monitor.nagios.status.ObjectStatus;
import org.relaxha.monitor.nagios.status.ParseReport;
import org.relaxha.monitor.nagios.status.Syntax;

/**
 * {@code relaxha probe nagios STATUS_FILE}: streams a {@code status.dat} and prints, as it goes,
 * when and by which Nagios it was written, then one line per host and service (state, HARD or SOFT,
 * attempt, check age, downtime, acknowledgement, disabled checks, output) with the status RelaxHA
 * would observe, then the problems found. Exit status 0 if the adapter could use the file, 1 if not
 * (missing, unreadable, no {@code info} block, truncated or older than 60 s), 2 on bad arguments.
 *
 * <p>Stateless and thread-safe.
 */
final class StatusProbe {
  static final Duration STALE = Duration.ofSeconds(60);

  private StatusProbe() {}

  static int run(List<String> args, PrintStream out, PrintStream err, InstantSource clock) {
    if (args.size() != 1 || args.get(0).startsWith("-")) {
      err.println("usage: relaxha probe nagios STATUS_FILE   (e.g. /var/lib/nagios4/status.dat)");
      return 2;
    }
    Path file = Path.of(args.get(0));
    Instant now = clock.instant();
    Printer printer = new Printer(out, now);
    ParseReport report;
    try (InputStream in = Files.newInputStream(file)) {
      out.println("status file: " + file);
      report = BlockParser.parse(in, file.toString(), Syntax.STATUS, printer);
    } catch (NoSuchFileException e) {
      err.println(file + ": no such file (is Nagios running, and is this its status_file?)");
      return 1;
    } catch (IOException e) {
      err.println(file + ": cannot read: " + e);
      return 1;
    }
    return summary(report, printer, out, err, now);
  }

  private static int summary(
      ParseReport report, Printer printer, PrintStream out, PrintStream err, Instant now) {
    out.printf(
        "%d hosts, %d services, %d downtimes, %d comments, %d lines%n",
        printer.hosts,
        printer.services,
        count(report, "hostdowntime", "servicedowntime"),
        count(report, "hostcomment", "servicecomment"),
        report.lines());
    report.problems().forEach(p -> err.println("problem: " + p));
    if (report.moreProblems() > 0) {
      err.println("problem: ... and " + report.moreProblems() + " more");
    }
    if (printer.created == null) {
      err.println(report.file() + ": no info block with created=: not a Nagios status file?");
      return 1;
    }
    Duration age = Duration.between(printer.created, now);
    if (age.compareTo(STALE) > 0) {
      err.println(
          report.file()
              + ": written "
              + age.toSeconds()
              + " s ago: the monitor would"
              + " report the source lost (Nagios not running?)");
      return 1;
    }
    return report.truncated() ? 1 : 0;
  }

  private static long count(ParseReport report, String... types) {
    long n = 0;
    for (String type : types) {
      n += report.blockTypes().getOrDefault(type, 0L);
    }
    return n;
  }

  /** Prints blocks as they are parsed. */
  private static final class Printer implements BlockParser.Visitor {
    private final PrintStream out;
    private final Instant now;
    private Instant created;
    private long hosts;
    private long services;

    Printer(PrintStream out, Instant now) {
      this.out = out;
      this.now = now;
    }

    @Override
    public void block(Block b) {
      switch (b.type()) {
        case "info" -> info(b);
        case "programstatus" ->
            out.println(
                "Nagios pid "
                    + b.number("nagios_pid", 0)
                    + ", started "
                    + Instant.ofEpochSecond(b.number("program_start", 0)));
        case "hoststatus", "servicestatus" -> object(b);
        default -> {
          // downtimes, comments, contacts: counted in the summary
        }
      }
    }

    private void info(Block b) {
      long at = b.number("created", 0);
      created = at > 0 ? Instant.ofEpochSecond(at) : null;
      out.println(
          "written by Nagios "
              + b.text("version")
              + (created == null
                  ? ""
                  : " at "
                      + created
                      + " ("
                      + Duration.between(created, now).toSeconds()
                      + " s ago)"));
    }

    private void object(Block b) {
      String host = b.text("host_name");
      boolean isHost = b.type().equals("hoststatus");
      String service = b.text("service_description");
      if (host.isBlank() || (!isHost && service.isBlank())) {
        out.println("  (block at line " + b.line() + " names no host or service)");
        return;
      }
      NagiosObject o = isHost ? NagiosObject.host(host) : NagiosObject.service(host, service);
      ObjectStatus s = ObjectStatus.of(o, b);
      if (isHost) {
        hosts++;
      } else {
        services++;
      }
      out.println(line(s, now));
    }
  }

  static String line(ObjectStatus s, Instant now) {
    StringBuilder text = new StringBuilder(s.object().isHost() ? "host    " : "service ");
    text.append(String.format("%-32s ", s.object()));
    if (!s.checked()) {
      return text.append("PENDING (not checked yet)").toString();
    }
    text.append(
        String.format(
            "%-11s %s %d/%d -> %-11s",
            s.stateName(),
            s.stateType(),
            s.attempt(),
            s.maxAttempts(),
            Observations.status(s.object().isHost(), s.state())));
    long age = Observations.checkAge(s, now);
    text.append(age >= 0 ? " checked " + age + " s ago" : "");
    text.append(s.downtimeDepth() > 0 ? " [downtime]" : "");
    text.append(s.acknowledged() ? " [acknowledged]" : "");
    text.append(s.activeChecks() ? "" : " [checks disabled]");
    text.append(s.notifications() ? "" : " [notifications disabled]");
    return text.append(s.output().isEmpty() ? "" : "  " + s.output()).toString();
  }
}
