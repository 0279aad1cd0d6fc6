/**
 * The runtime shell: {@link org.relaxha.core.runtime.HaController} runs monitors, detectors and the
 * engine on one event loop, journals inputs before acting, carries commands out through the SPIs on
 * a bounded pool with timeouts and retries, and exposes status and listeners.
 *
 * <p>Time, timers, the loop and the call threads are injected: real threads by default, or {@link
 * org.relaxha.core.runtime.VirtualTime} for deterministic tests and simulations. This is the only
 * package of ha-core that touches threads and the clock.
 */
package org.relaxha.core.runtime;
