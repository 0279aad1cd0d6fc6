/**
 * A streaming (StAX) reader of the XML that Ganglia's gmond serves on its {@code
 * tcp_accept_channel} and gmetad serves on its XML and interactive ports: {@link
 * org.relaxha.monitor.ganglia.xml.GangliaParser} turns one document into a {@link
 * org.relaxha.monitor.ganglia.xml.GangliaDump} of hosts with the metrics asked for, within {@link
 * org.relaxha.monitor.ganglia.xml.ParseLimits} (size, host count, nesting, token length), and
 * reports anything else as a {@link org.relaxha.monitor.ganglia.xml.GangliaXmlException} that says
 * what was wrong. No DOM is built: memory stays proportional to the hosts kept, not to the
 * document.
 *
 * <p>Everything here is I/O-free except {@link
 * org.relaxha.monitor.ganglia.xml.GangliaParser#parse}, which reads the stream it is given.
 */
package org.relaxha.monitor.ganglia.xml;
