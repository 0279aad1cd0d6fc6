/**
 * Detection: per-subject detectors turn {@link org.relaxha.spi.model.Observation}s (and their
 * absence) into {@link org.relaxha.spi.model.Health} verdicts, with check intervals and miss
 * thresholds by criticality ({@link org.relaxha.core.detect.DetectionPolicy}) and hierarchical
 * muting (a VM's alarms are held while its host is suspect or down; a service's while its VM is).
 *
 * <p>Detection is soft state: it is rebuilt from fresh observations after a restart and never
 * journaled. It reads no clock; every method takes the instant to judge at. Not thread-safe: the
 * controller uses it from its single loop thread.
 */
package org.relaxha.core.detect;
