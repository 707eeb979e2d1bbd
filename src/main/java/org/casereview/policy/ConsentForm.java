package org.casereview.policy;

/** How a consent was given. Which forms a category accepts is set by the policy pack. */
public enum ConsentForm {
  /** Signed on paper; the registry keeps a hash of the scanned document. */
  WRITTEN,
  /** Signed electronically (E-SIGN Act; accepted by 42 CFR 2.31 and 34 CFR 99.30(d)). */
  ELECTRONIC_SIGNATURE,
  /** Given orally and documented by the member who heard it. */
  DOCUMENTED_VERBAL
}
