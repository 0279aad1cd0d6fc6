/**
 * Running a site: building the controller from a site configuration ({@link
 * org.relaxha.examples.run.SiteControllers}), the operator request inbox of a running controller,
 * and telling whether a controller holds a state directory.
 */
package org.relaxha.examples.run;
