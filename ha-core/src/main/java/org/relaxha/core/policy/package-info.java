/**
 * Recovery policies: {@link org.relaxha.core.policy.StandardRecoveryPolicy}, the ladder and
 * host-failure settings most sites need. Pure and thread-safe.
 */
package org.relaxha.core.policy;
