package org.casereview.review;

/**
 * The commitment each attendee accepts at the start of a meeting. The version is what the
 * acknowledgement records: a new wording gets a new version, so every acknowledgement names the
 * words that were accepted.
 */
public final class ConfidentialityStatement {

  public static final String VERSION = "MDT-CONF-2026-1";

  public static final String TEXT =
      "I will keep confidential everything shared about the youths reviewed in this meeting. I will"
          + " use it only for the purposes of the multidisciplinary team, and will not repeat,"
          + " record or pass it on except as my agency's MOU, the law and the youth's consent"
          + " allow.";

  private ConfidentialityStatement() {}
}
