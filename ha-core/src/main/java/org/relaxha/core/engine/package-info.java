/**
 * The escalation engine: a pure step function {@code (EngineState, Input) -> Step(state', commands,
 * decisions)}.
 *
 * <p>Inputs ({@link org.relaxha.core.engine.Input}) and commands ({@link
 * org.relaxha.core.engine.Command}) are sealed interfaces of records. The legal phase changes of
 * VMs, hosts and services are data ({@link org.relaxha.core.engine.Transitions}); every decision
 * carries a reason ({@link org.relaxha.core.engine.Decision}).
 *
 * <p>This package does no I/O, reads no clock, starts no thread and uses no randomness; an ArchUnit
 * test enforces it. Every type is immutable and thread-safe except the package-private working copy
 * of one step.
 */
package org.relaxha.core.engine;
