/**
 * The simulated data center: {@link org.relaxha.sim.world.SimWorld} holds the ground truth (power,
 * network, VMs, guests, services, load), and the SPI implementations over it are what the real
 * controller talks to: hypervisor, IPMI fencing, SSH into guests, PXE reinstall, a Nagios-like
 * poller, a Ganglia-like feed, a hypervisor event feed, and a call runner that gives each call its
 * simulated latency.
 *
 * <p>Everything here is confined to the simulation's thread: virtual time has no other.
 */
package org.relaxha.sim.world;
