/** MDT confidential case review: see README.md for the package map. */
package org.casereview;
