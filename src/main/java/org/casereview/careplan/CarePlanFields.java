package org.casereview.careplan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.casereview.casefile.CaseFile;
import org.casereview.crypto.FieldPlace;
import org.casereview.disclosure.FieldSource;
import org.casereview.policy.DataCategory;

/** The labelled fields of a case's care plan, for any view that shows them (meeting, plan read). */
@ApplicationScoped
public class CarePlanFields {

  /**
   * The active safety plans: kind and named agencies are coordination; location, contacts and
   * measures are SAFETY_LOCATION, which the policy opens only to the agencies named on the plan.
   */
  public List<FieldSource> safetyPlanFields(CaseFile file) {
    List<FieldSource> fields = new ArrayList<>();
    for (SafetyPlan plan : SafetyPlan.activeOf(file.id)) {
      fields.addAll(safetyPlanFields(plan, "safetyPlans." + plan.kind.name() + "."));
    }
    return fields;
  }

  public List<FieldSource> safetyPlanFields(SafetyPlan plan, String prefix) {
    UUID author = plan.authorAgencyId;
    return List.of(
        FieldSource.clear(prefix + "id", DataCategory.COORDINATION, author, plan.id.toString()),
        FieldSource.clear(prefix + "kind", DataCategory.COORDINATION, author, plan.kind.name()),
        FieldSource.clear(prefix + "status", DataCategory.COORDINATION, author, plan.status),
        FieldSource.clear(
            prefix + "namedAgencyIds",
            DataCategory.COORDINATION,
            author,
            SafetyPlanAgency.agenciesOf(plan.id).stream()
                .map(UUID::toString)
                .collect(Collectors.joining(","))),
        FieldSource.clear(
            prefix + "reviewOn",
            DataCategory.COORDINATION,
            author,
            plan.reviewOn == null ? null : plan.reviewOn.toString()),
        sealed(plan, prefix + "location", "location_sealed", plan.locationSealed),
        sealed(plan, prefix + "contacts", "contacts_sealed", plan.contactsSealed),
        sealed(plan, prefix + "measures", "measures_sealed", plan.measuresSealed));
  }

  private static FieldSource sealed(SafetyPlan plan, String name, String column, byte[] value) {
    return FieldSource.sealed(
        name,
        DataCategory.SAFETY_LOCATION,
        plan.authorAgencyId,
        new FieldPlace(SafetyPlan.TABLE, column, plan.id),
        value);
  }
}
