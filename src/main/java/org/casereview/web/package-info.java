/**
 * What the service does for its web client (built from {@code web/} into the jar's static
 * resources): where to log in ({@link org.casereview.web.ClientConfigResource}) and the security
 * headers of the app's pages ({@link org.casereview.web.WebSecurityHeaders}). The client itself
 * reads and writes case data only through the public REST API.
 */
package org.casereview.web;
