package org.casereview.audit.accounting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An accounting of disclosures for one youth (HIPAA 45 CFR 164.528, FERPA 34 CFR 99.32): every
 * release of their information to an agency other than the one that holds it.
 *
 * @param subjectId the youth
 * @param since start of the period covered
 * @param until end of the period covered (when the accounting was produced)
 * @param disclosures the disclosures, oldest first
 */
public record Accounting(
    UUID subjectId, Instant since, Instant until, List<Disclosure> disclosures) {

  /**
   * One disclosure.
   *
   * @param date when it happened
   * @param entryId the audit entry that records it (for the auditor's cross-check)
   * @param recipientAgencyId the agency that received it
   * @param recipientAgency its name, when known
   * @param recipientMemberId the person who received it
   * @param recipientMember their name, when known
   * @param purpose the purpose stated for the read
   * @param breakGlass whether it was an emergency access
   * @param disclosed what was disclosed: fields and categories, with the agency that holds each
   * @param legalBasis the rules, citations, consents and exceptions relied on
   */
  public record Disclosure(
      Instant date,
      UUID entryId,
      UUID recipientAgencyId,
      String recipientAgency,
      UUID recipientMemberId,
      String recipientMember,
      String purpose,
      boolean breakGlass,
      List<DisclosedField> disclosed,
      List<Basis> legalBasis) {}

  /** A released field (its name and category, never its value) and the agency that holds it. */
  public record DisclosedField(
      String field, String category, UUID holderAgencyId, String holderAgency) {}

  /** One ground for the release. */
  public record Basis(String ruleId, String citation, UUID consentId, String exception) {}
}
