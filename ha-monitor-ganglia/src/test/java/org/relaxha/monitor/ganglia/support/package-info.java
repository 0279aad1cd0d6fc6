/**
 * Test fixtures: a fake Ganglia server socket, a builder of Ganglia XML documents, a map-backed
 * ConfigSection, small topologies, and polling helpers.
 */
package org.relaxha.monitor.ganglia.support;
