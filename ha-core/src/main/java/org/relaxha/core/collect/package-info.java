/**
 * Persistent (immutable, structurally shared) collections for the engine's state, so that each step
 * of the pure engine returns a new state in O(log n) instead of copying every map.
 *
 * <p>The maps, key ranks and numberings are immutable and thread-safe. {@link
 * org.relaxha.core.collect.PMap.Batch} is the one mutable type: a single owner's run of updates (an
 * engine step's), not thread-safe; the maps it hands out are immutable like the others.
 */
package org.relaxha.core.collect;
