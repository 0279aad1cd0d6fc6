/**
 * The root of RelaxHA's service-provider interfaces. Each SPI lives in a package of its own ({@code
 * monitor}, {@code hypervisor}, {@code storage}, {@code placement}, {@code policy}, {@code
 * fencing}, {@code service}, {@code provision}, {@code notify}); the values they exchange live in
 * {@code model}. This module depends on the JDK only, so an adapter never sees the engine.
 */
package org.relaxha.spi;
