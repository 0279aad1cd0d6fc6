/**
 * In-memory fakes of every RelaxHA SPI, for unit tests of the controller and of anything else that
 * drives the SPIs: {@link org.relaxha.testkit.fake.InMemoryHypervisor}, {@link
 * org.relaxha.testkit.fake.InMemoryMonitor} (with {@link org.relaxha.testkit.fake.RecordingSink}
 * standing in for the controller's sink), {@link org.relaxha.testkit.fake.InMemoryFencer}, {@link
 * org.relaxha.testkit.fake.InMemoryStorageBackend}, {@link
 * org.relaxha.testkit.fake.RecordingNotifier}, {@link
 * org.relaxha.testkit.fake.InMemoryServiceControl} and {@link
 * org.relaxha.testkit.fake.InMemoryProvisioner}.
 *
 * <p>Each fake is thread-safe, records every SPI call in a {@link org.relaxha.testkit.CallLog}, and
 * lets a test inject failures: canned results, exceptions (adapter bugs), calls that hang at a
 * {@link org.relaxha.testkit.Gate} until released or interrupted, and for the hypervisor per-call
 * {@link org.relaxha.testkit.Latency}. Each passes its SPI's conformance kit in {@code
 * org.relaxha.testkit.contract}.
 */
package org.relaxha.testkit.fake;
