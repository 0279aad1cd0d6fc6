/**
 * The Ganglia {@link org.relaxha.spi.monitor.Monitor}: polls the XML of gmond or gmetad (several
 * sources, with failover), judges each mapped host or VM UP while Ganglia heard from it within
 * {@code tmaxMultiple x TMAX} and UNREACHABLE beyond, delivers the load and memory metrics
 * placement reads, and reports a source that stops answering (or a gmetad whose copy of a cluster
 * went stale) as monitoring lost rather than as hosts down.
 *
 * <p>Entry points: {@link org.relaxha.monitor.ganglia.GangliaMonitor} with a {@link
 * org.relaxha.monitor.ganglia.GangliaConfig} for embedding, and {@link
 * org.relaxha.monitor.ganglia.GangliaProvider}, the {@code ganglia} adapter type of the {@code
 * relaxha} launcher (configuration and {@code relaxha probe ganglia HOST:PORT}). The XML itself is
 * read by {@link org.relaxha.monitor.ganglia.xml}.
 *
 * <p><b>Threading.</b> Each started monitor runs one poller thread of its own, named {@code
 * ganglia-NAME-poller}, which does all network I/O and delivers to the sink; {@code close()} stops
 * it within a few seconds.
 */
package org.relaxha.monitor.ganglia;
