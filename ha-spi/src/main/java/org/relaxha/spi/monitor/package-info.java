/**
 * The Monitor SPI: sources of {@link org.relaxha.spi.model.Observation}s (Nagios, Ganglia,
 * hypervisor events, storage heartbeats, RelaxHA's own probes), and the optional {@link
 * org.relaxha.spi.monitor.MonitoringControl} through which the controller writes back to the
 * monitoring system (mute, unmute, dependency changes after a move).
 *
 * <p><b>Threading.</b> The controller calls {@link org.relaxha.spi.monitor.Monitor#start} and
 * {@link org.relaxha.spi.monitor.Monitor#close} from its own thread, once each. A monitor runs its
 * own threads (pollers, event loops) and delivers to the {@link
 * org.relaxha.spi.monitor.ObservationSink} from any of them; the sink is thread-safe and never
 * blocks.
 */
package org.relaxha.spi.monitor;
