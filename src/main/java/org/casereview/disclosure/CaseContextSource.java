package org.casereview.disclosure;

import java.util.UUID;

/** Supplies the case facts the policy needs; implemented by the case file package. */
public interface CaseContextSource {

  CaseContext contextOf(UUID caseId);
}
