/**
 * Persistent (immutable, structurally shared) collections for the engine's state, so that each step
 * of the pure engine returns a new state in O(log n) instead of copying every map.
 *
 * <p>All types are immutable and thread-safe.
 */
package org.relaxha.core.collect;
