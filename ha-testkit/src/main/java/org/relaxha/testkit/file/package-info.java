/**
 * File-backed fakes whose state lives outside the JVM, for tests that kill a controller process
 * (SIGKILL) and restart it: a {@link org.relaxha.testkit.file.FileBackedWorld} in a directory
 * (hosts, VM power states, an append-only {@code events.log}), and the {@link
 * org.relaxha.testkit.file.FileBackedHypervisor}, {@link org.relaxha.testkit.file.FileBackedFencer}
 * and {@link org.relaxha.testkit.file.FileBackedMonitor} that act on it.
 *
 * <p>Every access to a world holds an exclusive OS file lock, every change is written ahead to the
 * event log and forced before the state file is replaced atomically, so any number of threads and
 * processes may share a world and a process killed at any instant corrupts nothing. Everything here
 * is thread-safe.
 */
package org.relaxha.testkit.file;
