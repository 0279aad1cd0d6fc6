/**
 * Nagios external commands: building the command lines ({@link
 * org.relaxha.monitor.nagios.command.ExternalCommands}) and writing them to the command FIFO
 * without ever blocking on a missing reader ({@link
 * org.relaxha.monitor.nagios.command.CommandFile}).
 *
 * <p>Thread-safe.
 */
package org.relaxha.monitor.nagios.command;
