package org.casereview.policy;

/** What the read path must do when it discloses a permitted field. */
public enum Obligation {
  /** Attach the 42 CFR 2.32 notice prohibiting redisclosure to every SUBSTANCE_USE disclosure. */
  PART2_REDISCLOSURE_NOTICE,
  /** Record the disclosure of an education record (34 CFR 99.32). */
  FERPA_RECORD_DISCLOSURE,
  /** Include the disclosure in the HIPAA accounting of disclosures (45 CFR 164.528). */
  HIPAA_ACCOUNTING,
  /** The disclosure happened under break-glass: flag it and notify coordinator and auditors. */
  BREAK_GLASS_FLAG
}
