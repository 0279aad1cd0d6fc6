/**
 * The RelaxHA simulator: a {@link org.relaxha.sim.Scenario} describes a data center, the
 * controller's policy, the monitoring it gets and the failures to inject; {@link
 * org.relaxha.sim.Simulation} runs the real controller against it in virtual time and returns a
 * {@link org.relaxha.sim.RunResult} with each incident's recovery timeline and every invariant
 * broken. Runs are deterministic for a seed.
 *
 * <p>Values here are immutable and thread-safe; a simulation is confined to its thread, and
 * separate simulations share nothing.
 */
package org.relaxha.sim;
