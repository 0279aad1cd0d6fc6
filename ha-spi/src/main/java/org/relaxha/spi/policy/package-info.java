/**
 * The RecoveryPolicy SPI: the recovery ladders, their timeouts and retry budgets per subject, and
 * the host-failure settings (fencing retries, boot limits, the mass-failure safety valve).
 *
 * <p>Policies are pure: the engine calls them on its own thread while deciding, with the input's
 * instant as {@code now}; they do no I/O and must return at once.
 */
package org.relaxha.spi.policy;
