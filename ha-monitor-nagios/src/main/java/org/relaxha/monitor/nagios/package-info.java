/**
 * The {@code nagios} adapter: {@link org.relaxha.monitor.nagios.NagiosMonitor}, a Monitor over
 * Nagios 4's {@code status.dat} and pushed events that is also the controller's MonitoringControl
 * (external commands to mute and unmute, dependency write-back after a VM moves); its settings
 * ({@link org.relaxha.monitor.nagios.NagiosSettings}, {@link
 * org.relaxha.monitor.nagios.SubjectMap}); and the launcher's {@link
 * org.relaxha.monitor.nagios.NagiosAdapterProvider} (type {@code nagios}).
 *
 * <p>Depends on the SPI and SLF4J only. Threading is described on {@link
 * org.relaxha.monitor.nagios.NagiosMonitor}.
 */
package org.relaxha.monitor.nagios;
