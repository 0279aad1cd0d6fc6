/**
 * Placements: {@link org.relaxha.core.placement.LoadAwarePlacement}, the 3RC choice rule (host up,
 * not in maintenance, storage reachable, 5-minute load under its threshold, capacity fits,
 * anti-affinity respected; least loaded first, then fewest VMs). Pure and thread-safe.
 */
package org.relaxha.core.placement;
