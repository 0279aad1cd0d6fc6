/**
 * Integration tests over real gmond and gmetad processes on loopback ({@link
 * org.relaxha.monitor.ganglia.it.GangliaLab}); they skip locally and fail in CI when the Debian
 * packages ganglia-monitor, gmetad or netcat-openbsd are missing.
 */
package org.relaxha.monitor.ganglia.it;
