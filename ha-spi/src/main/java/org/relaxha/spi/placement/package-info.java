/**
 * The Placement SPI: a pure function from a {@link org.relaxha.spi.placement.ClusterSnapshot} and
 * the VMs to place to a {@link org.relaxha.spi.placement.PlacementPlan} that says, for each VM,
 * which host takes it and why, or why it has to wait.
 *
 * <p>Placements do no I/O and read no clock; the controller calls them on its own thread with a
 * snapshot it built, and they must return quickly.
 */
package org.relaxha.spi.placement;
