package org.casereview.breakglass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A notice to every holder of a role (coordinators, auditors): ids only, never case content. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "recipient_role", nullable = false)
  public String recipientRole;

  @Column(nullable = false)
  public String kind;

  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "grant_id")
  public UUID grantId;

  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "agency_id")
  public UUID agencyId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
