package org.casereview.careplan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a service referral's loop (insert-only history). */
@Entity
@Table(name = "service_referral_event")
public class ServiceReferralEvent extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "service_referral_id", nullable = false)
  public UUID serviceReferralId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  public ServiceStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false)
  public ServiceStatus toStatus;

  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;

  @Column(name = "changed_by", nullable = false)
  public UUID changedBy;

  static void record(ServiceReferral r, ServiceStatus from, Instant at, UUID by) {
    ServiceReferralEvent e = new ServiceReferralEvent();
    e.id = UUID.randomUUID();
    e.serviceReferralId = r.id;
    e.fromStatus = from;
    e.toStatus = r.status;
    e.changedAt = at;
    e.changedBy = by;
    e.persist();
  }

  @Override
  public String toString() {
    return "ServiceReferralEvent[" + id + "]";
  }
}
