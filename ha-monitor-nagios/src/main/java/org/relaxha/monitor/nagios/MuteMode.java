package org.relaxha.monitor.nagios;

/** How {@link NagiosMonitor#mute} silences a host or service in Nagios. */
public enum MuteMode {
  /**
   * Schedule a fixed downtime ({@code SCHEDULE_HOST_DOWNTIME}, {@code SCHEDULE_SVC_DOWNTIME}):
   * checks keep running, notifications stop, and the Nagios UI shows why. Unmute deletes the
   * downtimes RelaxHA scheduled.
   */
  DOWNTIME,
  /**
   * Disable active checks and notifications ({@code DISABLE_HOST_CHECK}, {@code
   * DISABLE_HOST_NOTIFICATIONS} and their service forms); unmute enables them again.
   */
  CHECKS
}
