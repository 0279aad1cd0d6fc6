/**
 * Test fixtures for RelaxHA and its adapters: a {@link org.relaxha.testkit.ManualClock} for virtual
 * time, and the small pieces the fakes share ({@link org.relaxha.testkit.CallLog} of {@link
 * org.relaxha.testkit.Call}s, a {@link org.relaxha.testkit.Gate} that makes a call hang until it is
 * released or interrupted, and {@link org.relaxha.testkit.Latency}).
 *
 * <p>Subpackages: {@code fake} holds in-memory fakes of every SPI, {@code file} holds file-backed
 * fakes whose state outlives a JVM, and {@code contract} holds the abstract SPI conformance kits
 * that every adapter's tests extend. Everything here is thread-safe unless its documentation says
 * otherwise.
 */
package org.relaxha.testkit;
