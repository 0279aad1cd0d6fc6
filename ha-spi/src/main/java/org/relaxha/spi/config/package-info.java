/**
 * How adapters plug into the {@code relaxha run} launcher: an {@link
 * org.relaxha.spi.config.AdapterProvider} found through {@link java.util.ServiceLoader} by its type
 * name turns its section of the YAML configuration ({@link org.relaxha.spi.config.ConfigSection})
 * into SPI implementations, and may contribute a {@code relaxha probe TYPE} command.
 *
 * <p>Everything here runs on the launcher's main thread before the controller starts.
 */
package org.relaxha.spi.config;
