/**
 * Integration tests of the libvirt adapter against a real libvirtd (started by the tests with their
 * own configuration and socket, stopped by PID) and a real QEMU guest under TCG.
 */
package org.relaxha.xen.it;
