/**
 * Detection: per-subject detectors turn {@link org.relaxha.spi.model.Observation}s (and their
 * absence) into {@link org.relaxha.spi.model.Health} verdicts, with check intervals and miss
 * thresholds by criticality ({@link org.relaxha.core.detect.DetectionPolicy}) and hierarchical
 * muting (a VM's alarms are held while its host is suspect or down; a service's while its VM is).
 *
 * <p><b>Two ways to judge silence.</b> By default every class uses the fixed miss count of {@link
 * org.relaxha.core.detect.MissCountDetector}: one interval without an observation (plus half an
 * interval of grace) is a miss, one miss is SUSPECT, {@code missThreshold} are DOWN. That suits
 * polled sources (Nagios, our own probes), whose observations arrive when the poller decides and
 * whose timing says little about the subject. A class may instead use phi accrual ({@link
 * org.relaxha.core.detect.DetectionPolicy.Builder#phiAccrual}, {@link
 * org.relaxha.core.detect.PhiAccrualDetector}): for heartbeat-like sources (storage heartbeats,
 * agents that push at a steady rate) the detector learns the arrival rhythm, its jitter and how
 * often heartbeats are lost, and declares SUSPECT and DOWN as early as that rhythm allows for a
 * budget of false DOWN verdicts. The choice is per criticality class because the board keeps one
 * detector table per class; failed observations count as misses either way.
 *
 * <p>Detection is soft state: it is rebuilt from fresh observations after a restart and never
 * journaled. It reads no clock; every method takes the instant to judge at. Not thread-safe: the
 * controller uses it from its single loop thread.
 */
package org.relaxha.core.detect;
