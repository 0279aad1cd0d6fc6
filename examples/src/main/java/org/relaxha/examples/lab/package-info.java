/**
 * {@code relaxha lab}: runs lab scenarios (and chaos schedules) of the simulator ({@code ha-sim})
 * against the real controller and writes what happened for a person to read (timelines, summary
 * tables, statistics, the comparison with the papers), and for programs (JSON, a plot of the
 * recovery-time distribution). The built-in scenario is what {@code ./relaxha} runs without
 * arguments.
 *
 * <p>Each lab run is used once from one thread; the simulations it starts run in parallel, each
 * confined to its own thread.
 */
package org.relaxha.examples.lab;
