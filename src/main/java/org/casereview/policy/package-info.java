/**
 * The disclosure decision: may this member of this agency, for this purpose, see this field of this
 * youth's case; if not, why not and what would allow it. Pure Java, no framework imports
 * (ArchitectureTest); the rules are data in a versioned policy pack (docs/adr/0003).
 *
 * <p>Invariants, in the order {@link org.casereview.policy.PolicyEngine} applies them:
 *
 * <ol>
 *   <li>Deny by default: a field is disclosed only when a rule permits it; any withholding rule
 *       that applies overrides every permission after it.
 *   <li>Request gates, for every field: an auditor or admin role, or no case-content role,
 *       withholds all; purpose AUDIT withholds all; no active MOU, training not current, or a
 *       purpose the MOU does not list withholds all. These bind the author agency too.
 *   <li>The agency that wrote a field sees it (not a disclosure: no obligations).
 *   <li>The MOU's categories bound what an agency receives from others.
 *   <li>The coordinator's triage categories; then the category's permissions without consent, then
 *       a live, matching consent (only for agencies on the case), then break-glass.
 *   <li>Statutory invariants no pack can loosen: Part 2 records are never read to investigate or
 *       prosecute without a court order, whatever the consent; psychotherapy notes need a consent
 *       naming them alone; a revoked or expired consent never counts; break-glass never opens
 *       SUBSTANCE_USE to criminal justice agencies, VICTIM_ADVOCACY or LAW_ENFORCEMENT_SENSITIVE;
 *       LAW_ENFORCEMENT_SENSITIVE is never opened by consent.
 *   <li>Every decision names its rule, citation and pack version; reasons and remedies never
 *       contain a field value.
 * </ol>
 */
package org.casereview.policy;
