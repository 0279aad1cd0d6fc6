package org.relaxha.monitor.nagios.it;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.testkit.fake.RecordingSink;

/** Helpers shared by the integration tests. Stateless. */
final class ItSupport {
  private ItSupport() {}

  /** The wrapper script in the source tree (failsafe passes its path). */
  static Path eventScript() {
    return Path.of(
            System.getProperty(
                "relaxha.nagios.eventScript", "src/main/scripts/relaxha-nagios-event"))
        .toAbsolutePath();
  }

  /** The module's compiled classes, the class path the wrapper script runs with. */
  static Path classes() {
    return Path.of(System.getProperty("relaxha.nagios.classes", "target/classes")).toAbsolutePath();
  }

  /** The java of this JVM. */
  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * A Nagios command line that runs the wrapper script for a service (or, with {@code host}, a
   * host) state change, delivering to {@code socket}.
   */
  static String eventCommand(Path socket, boolean host) {
    String prefix =
        "RELAXHA_CLASSPATH="
            + classes()
            + " JAVA="
            + java()
            + " "
            + eventScript()
            + " --socket "
            + socket;
    return prefix + arguments(host);
  }

  /** The wrapper's arguments after --socket, as Nagios macros. */
  static String arguments(boolean host) {
    return host
        ? " host \"$HOSTNAME$\" $HOSTSTATEID$ $HOSTSTATETYPE$ $HOSTATTEMPT$"
            + " $LASTHOSTCHECK$ \"$HOSTOUTPUT$\""
        : " service \"$HOSTNAME$\" \"$SERVICEDESC$\" $SERVICESTATEID$"
            + " $SERVICESTATETYPE$ $SERVICEATTEMPT$ $LASTSERVICECHECK$ \"$SERVICEOUTPUT$\"";
  }

  /** Three hosts, VM web-1 on node-a with service httpd: the write-back and controller tests. */
  static Topology threeHostsOneVm() {
    return Topology.of(
        List.of(
            Host.builder("node-a").build(),
            Host.builder("node-b").build(),
            Host.builder("node-c").build()),
        List.of(Vm.builder("web-1").homeHost("node-a").build()),
        List.of(Service.of("web-1", "httpd")));
  }

  /** Waits for the first observation after {@code since} that matches; empty on timeout. */
  static Optional<Observation> await(
      RecordingSink sink, Instant since, Predicate<Observation> match, Duration timeout)
      throws InterruptedException {
    Predicate<Observation> wanted = o -> !o.at().isBefore(since) && match.test(o);
    sink.awaitObservations(wanted, 1, timeout);
    return sink.observations().stream().filter(wanted).findFirst();
  }

  /** Milliseconds from {@code since} to the observation's time. */
  static long millis(Instant since, Observation o) {
    return Duration.between(since, o.at()).toMillis();
  }

  /** min / median / max of the values, in seconds. */
  static String stats(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return String.format(
        "n=%d min=%.2f s median=%.2f s max=%.2f s",
        sorted.size(),
        sorted.get(0) / 1000.0,
        sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0);
  }
}
