package org.relaxha.monitor.ganglia.xml;

/**
 * One numeric {@code METRIC} of a host as the source reported it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the metric's {@code VAL}, finite
 * @param tn seconds since the metric was last reported ({@code TN})
 * @param tmax the longest expected interval between two reports of it ({@code TMAX}), seconds
 */
public record MetricSample(double value, long tn, long tmax) {}
