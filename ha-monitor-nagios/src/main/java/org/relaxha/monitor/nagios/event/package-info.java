/**
 * Results pushed by Nagios: the {@code relaxha-nagios-event} entry point ({@link
 * org.relaxha.monitor.nagios.event.NagiosEventClient}, run by Nagios as a global event handler),
 * the one-line protocol ({@link org.relaxha.monitor.nagios.event.NagiosEvent}) and the Unix domain
 * socket listener in the monitor ({@link org.relaxha.monitor.nagios.event.EventServer}).
 *
 * <p>The client uses the JDK only, so the wrapper script needs this module's jar and nothing else.
 */
package org.relaxha.monitor.nagios.event;
