/**
 * Placements. {@link org.relaxha.core.placement.LoadAwarePlacement} is the 3RC choice rule as a
 * linear scan (host up, not in maintenance, storage reachable, 5-minute load under its threshold,
 * capacity fits, anti-affinity respected; least loaded first, then fewest VMs, then most free
 * memory, then name): the reference. {@link org.relaxha.core.placement.IndexedPlacement} returns
 * the same plans in about {@code O(log M)} per VM through a {@link
 * org.relaxha.core.placement.PlacementIndex} (a host tree searched branch and bound), which a
 * caller may also keep between plans and update host by host. Both can spread an evacuation with a
 * per-host boot limit. {@link org.relaxha.core.placement.PlanCheck} checks any plan against the
 * hard rules. The placements are pure and thread-safe; an index is not thread-safe.
 */
package org.relaxha.core.placement;
