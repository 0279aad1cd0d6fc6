/**
 * The site configuration of the {@code relaxha} launcher: a YAML file read through SnakeYAML's node
 * API ({@link org.relaxha.examples.config.YamlConfigSection}) so that every error names the file,
 * the line and the field, validated into an immutable {@link
 * org.relaxha.examples.config.SiteConfig} by {@link org.relaxha.examples.config.SiteConfigLoader}.
 * The format is documented in {@code docs/configuration.md}.
 *
 * <p>Loading runs on the launcher's main thread; the resulting records are immutable.
 */
package org.relaxha.examples.config;
