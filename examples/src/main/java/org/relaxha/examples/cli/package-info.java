/**
 * The {@code relaxha} command line (picocli): {@code check-config}, {@code probe TYPE} (one
 * subcommand per installed adapter type), {@code run}, {@code status} and the default
 * demonstration. The seams to the controller are the methods of {@link
 * org.relaxha.examples.cli.ControllerWiring}.
 *
 * <p>Commands run on the main thread, one execution per command instance; not thread-safe.
 */
package org.relaxha.examples.cli;
