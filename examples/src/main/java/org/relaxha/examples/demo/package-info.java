/**
 * The demonstration {@code ./relaxha} runs without arguments: the real controller against in-memory
 * fakes in virtual time. Not thread-safe; single-use.
 */
package org.relaxha.examples.demo;
