/**
 * The SPI conformance kits: abstract JUnit 5 test classes that every adapter's tests extend, so
 * that each adapter is held to its SPI's contract ({@link
 * org.relaxha.testkit.contract.HypervisorContract}, {@link
 * org.relaxha.testkit.contract.MonitorContract}, {@link
 * org.relaxha.testkit.contract.FencerContract}, {@link
 * org.relaxha.testkit.contract.StorageBackendContract}, {@link
 * org.relaxha.testkit.contract.NotifierContract}).
 *
 * <p>A subclass supplies the system under test and its fixture through abstract methods, and may
 * declare that its adapter lacks an optional capability by overriding {@code capabilities()}; the
 * tests that need it are then skipped with a JUnit assumption that names the capability, never
 * silently. Each kit's documentation shows an example. The kits poll real time where real systems
 * need it, with bounds a subclass can change.
 */
package org.relaxha.testkit.contract;
