/**
 * Helpers for integration tests that start real daemons: {@link
 * org.relaxha.testkit.it.RequiredTools} skips locally and fails in CI when a daemon is missing.
 */
package org.relaxha.testkit.it;
