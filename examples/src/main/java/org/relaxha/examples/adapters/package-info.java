/**
 * Adapters by type name: the {@link org.relaxha.examples.adapters.AdapterRegistry} finds {@link
 * org.relaxha.spi.config.AdapterProvider}s through {@link java.util.ServiceLoader} (two providers
 * of one type is an error), creates the configured adapters and sorts their components by SPI into
 * {@link org.relaxha.examples.adapters.Adapters}.
 *
 * <p>The registry is immutable and thread-safe; creating adapters reads configuration sections and
 * runs on the launcher's main thread.
 */
package org.relaxha.examples.adapters;
