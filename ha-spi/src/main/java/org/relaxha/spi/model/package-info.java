/**
 * Immutable values shared by every SPI and by the engine: identifiers of hosts, VMs and services,
 * their static description ({@link org.relaxha.spi.model.Host}, {@link org.relaxha.spi.model.Vm},
 * {@link org.relaxha.spi.model.Service}, {@link org.relaxha.spi.model.Topology}), what a monitor
 * saw ({@link org.relaxha.spi.model.Observation}) and the results of effectful calls ({@link
 * org.relaxha.spi.model.ActionResult}).
 *
 * <p>All types here are records or enums: immutable and thread-safe. Constructors validate their
 * arguments and name the offending field.
 */
package org.relaxha.spi.model;
