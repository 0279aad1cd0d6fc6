/**
 * The {@code log} adapter type: a notifier that writes to the launcher's log. The smallest complete
 * adapter, and a useful audit trail next to mail.
 *
 * <p>Thread-safe.
 */
package org.relaxha.examples.adapters.log;
