/**
 * Writing Nagios configuration back: the RelaxHA-owned include file with the VMs' parents templates
 * and dependencies ({@link org.relaxha.monitor.nagios.writeback.DependencyFile}), atomic
 * replacement and rollback ({@link org.relaxha.monitor.nagios.writeback.FileSwap}), and the {@code
 * nagios -v} pre-flight check ({@link org.relaxha.monitor.nagios.writeback.ConfigValidator}).
 *
 * <p>Stateless and thread-safe.
 */
package org.relaxha.monitor.nagios.writeback;
