package org.casereview.careplan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** An agency named on a safety plan. */
@Entity
@Table(name = "safety_plan_agency")
public class SafetyPlanAgency extends PanacheEntityBase {

  @EmbeddedId public Key key;

  public static Set<UUID> agenciesOf(UUID safetyPlanId) {
    List<SafetyPlanAgency> rows = list("key.safetyPlanId", safetyPlanId);
    return rows.stream().map(r -> r.key.agencyId).collect(Collectors.toCollection(TreeSet::new));
  }

  @Embeddable
  public static class Key implements Serializable {
    @Column(name = "safety_plan_id")
    public UUID safetyPlanId;

    @Column(name = "agency_id")
    public UUID agencyId;

    public Key() {}

    public Key(UUID safetyPlanId, UUID agencyId) {
      this.safetyPlanId = safetyPlanId;
      this.agencyId = agencyId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.safetyPlanId.equals(safetyPlanId)
          && k.agencyId.equals(agencyId);
    }

    @Override
    public int hashCode() {
      return safetyPlanId.hashCode() * 31 + agencyId.hashCode();
    }
  }
}
