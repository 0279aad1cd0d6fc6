/** A short, complete example of embedding RelaxHA's controller in a Java program. */
package org.relaxha.examples.embed;
