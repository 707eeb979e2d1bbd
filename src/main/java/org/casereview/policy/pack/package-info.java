/**
 * Reading a policy pack from YAML. The only place in the policy package allowed to use Jackson; the
 * pack model itself is plain records in {@code org.casereview.policy}.
 */
package org.casereview.policy.pack;
