package org.casereview.disclosure;

import java.util.List;
import java.util.UUID;
import org.casereview.policy.Purpose;

/**
 * What one view of one youth's data asks to release: the purpose, the youth and case it concerns,
 * the resource shown, and the fields (minimum necessary: only those the view needs).
 */
public record DisclosureRequest(
    Purpose purpose,
    UUID subjectId,
    UUID caseId,
    String view,
    UUID resourceId,
    List<FieldSource> fields) {

  public DisclosureRequest {
    fields = List.copyOf(fields);
  }
}
