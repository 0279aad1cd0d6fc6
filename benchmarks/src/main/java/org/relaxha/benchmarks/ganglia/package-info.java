/** The Ganglia XML parse benchmark: the adapter's streaming StAX parser against a DOM parse. */
package org.relaxha.benchmarks.ganglia;
