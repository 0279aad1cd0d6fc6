package org.relaxha.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.monitor.Monitor;
import org.relaxha.testkit.fake.RecordingSink;

/**
 * The conformance kit of the {@link Monitor} SPI: every monitor adapter's tests extend it.
 *
 * <p>The subclass supplies a fresh, unstarted monitor over its fixture ({@link #createMonitor()},
 * called by this kit's {@code @BeforeEach}, before the subclass's own). If the monitored world
 * needs a nudge to produce observations (an in-memory source the test feeds, a fake daemon that
 * must be told to answer), the subclass does it in {@link #provoke}; a polling monitor needs
 * nothing. A fixture that can make the monitor's source disappear implements {@link #loseSource};
 * one that cannot removes {@link Capability#LOSE_SOURCE} from {@link #capabilities()}, and that
 * test is skipped with a message.
 *
 * <p>The kit checks: start returns quickly; observations of every covered subject (or of something,
 * if covers() is empty) arrive within {@link #observationTimeout()}; each carries the monitor's
 * name as its source and, when covers() is not empty, a covered subject; after close() nothing more
 * arrives and every thread started since start() is gone within {@link #closeTimeout()}; close() is
 * idempotent; a lost source is reported through sourceStatus.
 *
 * <pre>{@code
 * class GangliaMonitorTest extends MonitorContract {
 *   private FakeGmond gmond;   // a local TCP server serving canned XML
 *
 *   @Override protected Monitor createMonitor() {
 *     gmond = FakeGmond.start(xmlWithHosts("h1", "h2"));
 *     return new GangliaMonitor(GangliaConfig.of("localhost", gmond.port()), topology());
 *   }
 *   @Override protected void loseSource(Monitor monitor) { gmond.stop(); }
 *   @Override protected boolean isForeignThread(Thread t) {
 *     return super.isForeignThread(t) || t.getName().startsWith("fake-gmond");
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; JUnit creates one instance per test.
 */
public abstract class MonitorContract {

  /** What a fixture can offer beyond the basics. */
  public enum Capability {
    /** {@link #loseSource}: the fixture can make the monitor's source stop answering. */
    LOSE_SOURCE
  }

  private Monitor monitor;
  private RecordingSink sink;
  private Set<Thread> threadsBeforeStart;

  /** A fresh, unstarted monitor over the fixture. */
  protected abstract Monitor createMonitor();

  /** Makes the fixture produce observations after start; nothing by default. */
  protected void provoke(Monitor started) {}

  /** Makes the monitor's source stop answering, for {@link Capability#LOSE_SOURCE}. */
  protected void loseSource(Monitor started) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName()
            + " declares LOSE_SOURCE but does not override loseSource(Monitor);"
            + " override it or remove the capability from capabilities()");
  }

  /** The capabilities of this fixture; all by default. */
  protected Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  /** How long the first observations (and a lost-source report) may take; 10 s by default. */
  protected Duration observationTimeout() {
    return Duration.ofSeconds(10);
  }

  /** How long start() may take; 2 s by default. */
  protected Duration startTimeout() {
    return Duration.ofSeconds(2);
  }

  /** How long close() may take to stop every thread; 5 s by default. */
  protected Duration closeTimeout() {
    return Duration.ofSeconds(5);
  }

  /** How long to watch for deliveries after close(); 500 ms by default. */
  protected Duration quietPeriod() {
    return Duration.ofMillis(500);
  }

  /**
   * Whether a thread that appeared during the test belongs to someone else (the JVM, JUnit, the
   * fixture) rather than the monitor. Fixtures that start threads of their own extend this.
   */
  protected boolean isForeignThread(Thread thread) {
    String name = thread.getName();
    return name.startsWith("ForkJoinPool.commonPool")
        || name.startsWith("junit-")
        || name.equals("Attach Listener")
        || name.startsWith("process reaper")
        || name.startsWith("surefire")
        || name.equals("Common-Cleaner");
  }

  /** The monitor under test (started before each test), for a subclass's own extra tests. */
  protected final Monitor monitor() {
    return monitor;
  }

  /** The sink the monitor delivers to. */
  protected final RecordingSink sink() {
    return sink;
  }

  @BeforeEach
  public final void startMonitor() {
    monitor = createMonitor();
    assertThat(monitor).as("createMonitor()").isNotNull();
    sink = new RecordingSink();
    threadsBeforeStart = Thread.getAllStackTraces().keySet();
    long started = System.nanoTime();
    monitor.start(sink);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).as("time start() took").isLessThanOrEqualTo(startTimeout());
  }

  @AfterEach
  public final void closeMonitor() {
    if (monitor != null) {
      monitor.close();
    }
  }

  @Test
  public void nameIsNotBlank() {
    assertThat(monitor.name()).isNotNull().isNotBlank();
  }

  @Test
  public void deliversObservationsOfTheCoveredSubjects() throws InterruptedException {
    awaitFirstObservations();
  }

  @Test
  public void observationsCarryTheMonitorsName() throws InterruptedException {
    awaitFirstObservations();
    assertThat(sink.observations())
        .allSatisfy(o -> assertThat(o.source()).as("source of %s", o).isEqualTo(monitor.name()));
  }

  @Test
  public void observationsStayWithinCovers() throws InterruptedException {
    awaitFirstObservations();
    Set<SubjectId> covers = monitor.covers();
    Assumptions.assumeFalse(covers.isEmpty(), "covers() is empty: any subject may be reported");
    assertThat(sink.observations())
        .allSatisfy(o -> assertThat(covers).as("covers()").contains(o.subject()));
  }

  @Test
  public void closeStopsDeliveriesAndThreads() throws InterruptedException {
    awaitFirstObservations();
    monitor.close();
    int observations = sink.observations().size();
    int statuses = sink.statuses().size();
    provoke(monitor);
    List<Thread> leftover =
        Poll.until(closeTimeout(), this::threadsStartedByTheTest, List::isEmpty);
    assertThat(leftover).as("threads still alive after close()").isEmpty();
    Poll.sleep(quietPeriod());
    assertThat(sink.observations()).as("observations after close()").hasSize(observations);
    assertThat(sink.statuses()).as("source statuses after close()").hasSize(statuses);
  }

  @Test
  public void closeIsIdempotent() {
    monitor.close();
    monitor.close();
  }

  @Test
  public void lostSourceIsReported() throws InterruptedException {
    Assumptions.assumeTrue(
        capabilities().contains(Capability.LOSE_SOURCE),
        () -> getClass().getSimpleName() + " does not declare capability LOSE_SOURCE");
    awaitFirstObservations();
    loseSource(monitor);
    boolean reported =
        sink.awaitStatus(
            s -> !s.available() && s.monitor().equals(monitor.name()), observationTimeout());
    assertThat(reported)
        .as("a lost source reported within %s; statuses: %s", observationTimeout(), sink.statuses())
        .isTrue();
  }

  // ---------------------------------------------------------------- helpers

  /** Provokes, then waits until every covered subject (or anything) has been observed. */
  protected final void awaitFirstObservations() throws InterruptedException {
    provoke(monitor);
    Set<SubjectId> covers = monitor.covers();
    if (covers.isEmpty()) {
      assertThat(sink.awaitObservations(o -> true, 1, observationTimeout()))
          .as("an observation within %s", observationTimeout())
          .isTrue();
      return;
    }
    Set<SubjectId> seen =
        Poll.until(
            observationTimeout(),
            () ->
                sink.observations().stream().map(Observation::subject).collect(Collectors.toSet()),
            s -> s.containsAll(covers));
    assertThat(seen).as("subjects observed within %s", observationTimeout()).containsAll(covers);
  }

  private List<Thread> threadsStartedByTheTest() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !threadsBeforeStart.contains(t))
        .filter(t -> !isForeignThread(t))
        .toList();
  }
}
