package org.casereview.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casereview.crypto.FieldPlace;
import org.casereview.disclosure.FieldSource;
import org.casereview.policy.DataCategory;

/**
 * An action item's labelled fields. The description and drop reason may carry case facts: sealed,
 * COORDINATION, authored by the owner agency (which always sees its own tasks).
 */
final class ActionItemFields {

  private ActionItemFields() {}

  static List<FieldSource> of(ActionItem a, String prefix, LocalDate today) {
    List<FieldSource> fields = new ArrayList<>();
    fields.add(clear(a, prefix + "id", a.id.toString()));
    fields.add(clear(a, prefix + "ownerAgencyId", a.ownerAgencyId.toString()));
    fields.add(
        clear(
            a,
            prefix + "ownerMemberId",
            a.ownerMemberId == null ? null : a.ownerMemberId.toString()));
    fields.add(clear(a, prefix + "dueOn", a.dueOn.toString()));
    fields.add(clear(a, prefix + "status", (today == null ? a.status : a.statusOn(today)).name()));
    fields.add(
        clear(
            a,
            prefix + "reportBackMeetingId",
            a.reportBackMeetingId == null ? null : a.reportBackMeetingId.toString()));
    fields.add(
        FieldSource.sealed(
            prefix + "description",
            DataCategory.COORDINATION,
            a.ownerAgencyId,
            new FieldPlace(ActionItem.TABLE, "description_sealed", a.id),
            a.descriptionSealed));
    if (a.dropReasonSealed != null) {
      fields.add(
          FieldSource.sealed(
              prefix + "dropReason",
              DataCategory.COORDINATION,
              a.ownerAgencyId,
              new FieldPlace(ActionItem.TABLE, "drop_reason_sealed", a.id),
              a.dropReasonSealed));
    }
    return fields;
  }

  private static FieldSource clear(ActionItem a, String name, String value) {
    return FieldSource.clear(name, DataCategory.COORDINATION, a.ownerAgencyId, value);
  }
}
