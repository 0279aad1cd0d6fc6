/** Configuration helpers for adapter tests: a {@code ConfigSection} over plain maps. */
package org.relaxha.testkit.config;
