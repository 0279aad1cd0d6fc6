package org.relaxha.sim;

/** The milestones of an incident's recovery, in the order they normally come. */
public enum Phase {
  /** The controller judged the failed subject DOWN. */
  DETECT,
  /** The alarms of what ran on a failed host were muted. */
  MUTE,
  /** The failed host was proven off. */
  FENCE,
  /** A placement plan assigned the first VM to a new host. */
  PLACE,
  /**
   * The first recovery action started: a VM start, power-cycle, reboot or reinstall, or a service
   * restart.
   */
  BOOT,
  /** Ground truth: every affected VM or service answers again (what users see). */
  BACK,
  /** The controller saw every affected subject up again and declared it recovered. */
  VERIFIED;

  /** The lower-case name used in timelines and JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
