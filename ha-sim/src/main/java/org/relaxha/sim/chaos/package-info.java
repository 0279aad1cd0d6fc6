/**
 * Chaos runs: {@link org.relaxha.sim.chaos.ChaosSchedule} draws a random data center, policy and
 * failure schedule from a seed (every failure kind, overlapping incidents, controller restarts
 * mid-recovery); {@link org.relaxha.sim.chaos.ChaosRun} runs thousands of them against the real
 * controller and reports each invariant broken with the seed that replays it.
 */
package org.relaxha.sim.chaos;
