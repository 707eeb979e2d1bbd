package org.casereview.agency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.casereview.persistence.EnumSetConverters;
import org.casereview.policy.Role;

/**
 * A person in a member agency. Identity lives in Keycloak; the service knows the member by the
 * token's subject and keeps what the policy needs: agency, roles, training attestation, status.
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "keycloak_subject", nullable = false)
  public String keycloakSubject;

  @Column(nullable = false)
  public String username;

  @Column(name = "display_name", nullable = false)
  public String displayName;

  @Column(nullable = false)
  public String email;

  @Column(name = "agency_id", nullable = false)
  public UUID agencyId;

  @Convert(converter = EnumSetConverters.Roles.class)
  @Column(nullable = false)
  public Set<Role> roles = Set.of();

  @Column(name = "training_completed_on")
  public LocalDate trainingCompletedOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MemberStatus status;

  @Column(name = "offboarded_at")
  public Instant offboardedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Version public long version;

  public static Optional<Member> byKeycloakSubject(String subject) {
    return find("keycloakSubject", subject).firstResultOptional();
  }

  /** Confidentiality training counts for a year from its completion. */
  public boolean trainingCurrentOn(LocalDate day, int validityDays) {
    return trainingCompletedOn != null
        && !trainingCompletedOn.isAfter(day)
        && !trainingCompletedOn.plusDays(validityDays).isBefore(day);
  }

  @Override
  public String toString() {
    return "Member[" + id + "]";
  }
}
