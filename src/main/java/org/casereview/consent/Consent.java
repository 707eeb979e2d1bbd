package org.casereview.consent;

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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casereview.persistence.EnumSetConverters;
import org.casereview.persistence.UuidSetConverter;
import org.casereview.policy.ConsentForm;
import org.casereview.policy.ConsentGrant;
import org.casereview.policy.DataCategory;
import org.casereview.policy.GrantorKind;
import org.casereview.policy.Purpose;
import org.casereview.policy.Sector;

/**
 * A youth's consent directive: who granted it, what it covers, to whom, for what, and when. A
 * revocation is a timestamp, never a deletion: the history stays.
 */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "subject_id", nullable = false)
  public UUID subjectId;

  @Convert(converter = EnumSetConverters.Categories.class)
  @Column(nullable = false)
  public Set<DataCategory> categories = Set.of();

  @Convert(converter = UuidSetConverter.class)
  @Column(name = "recipient_agency_ids", nullable = false)
  public Set<UUID> recipientAgencyIds = Set.of();

  @Convert(converter = EnumSetConverters.Sectors.class)
  @Column(name = "recipient_sectors", nullable = false)
  public Set<Sector> recipientSectors = Set.of();

  @Convert(converter = EnumSetConverters.Purposes.class)
  @Column(nullable = false)
  public Set<Purpose> purposes = Set.of();

  @Convert(converter = EnumSetConverters.GrantorKinds.class)
  @Column(nullable = false)
  public Set<GrantorKind> grantors = Set.of();

  @Column(name = "names_psychotherapy_notes", nullable = false)
  public boolean namesPsychotherapyNotes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ConsentForm form;

  @Column(name = "document_sha256", nullable = false)
  public String documentSha256;

  @Column(name = "terms_version", nullable = false)
  public String termsVersion;

  @Column(name = "valid_from", nullable = false)
  public Instant validFrom;

  @Column(name = "valid_until", nullable = false)
  public Instant validUntil;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  public UUID recordedBy;

  @Column(name = "recorded_by_agency_id", nullable = false)
  public UUID recordedByAgencyId;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Column(name = "revoked_by")
  public UUID revokedBy;

  @Column(name = "revocation_reason_code")
  public String revocationReasonCode;

  /** When the expiry was recorded in the audit log (the policy needs no record to honour it). */
  @Column(name = "expiry_recorded_at")
  public Instant expiryRecordedAt;

  @Version public long version;

  public static List<Consent> ofSubject(UUID subjectId) {
    return list("subjectId = ?1 order by recordedAt desc", subjectId);
  }

  /** The consent as the policy engine reads it. */
  public ConsentGrant toGrant() {
    return new ConsentGrant(
        id,
        categories,
        recipientAgencyIds,
        recipientSectors,
        purposes,
        validFrom,
        validUntil,
        revokedAt,
        form,
        grantors,
        namesPsychotherapyNotes);
  }

  public boolean liveAt(Instant now) {
    return revokedAt == null && !now.isBefore(validFrom) && now.isBefore(validUntil);
  }

  @Override
  public String toString() {
    return "Consent[" + id + "]";
  }
}
