package org.casereview.subject;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The youth. Every identity field is ciphertext under the subject's own data key; the blind index
 * lets intake find possible duplicates without decrypting anything.
 */
@Entity
@Table(name = "subject")
public class Subject extends PanacheEntityBase {

  public static final String TABLE = "subject";

  @Id public UUID id;

  @Column(name = "legal_name_sealed")
  public byte[] legalNameSealed;

  @Column(name = "aliases_sealed")
  public byte[] aliasesSealed;

  @Column(name = "date_of_birth_sealed")
  public byte[] dateOfBirthSealed;

  @Column(name = "gender_sealed")
  public byte[] genderSealed;

  @Column(name = "contact_sealed")
  public byte[] contactSealed;

  @Column(name = "blind_index")
  public String blindIndex;

  /** The agency whose referral recorded these identity details: it always sees them. */
  @Column(name = "source_agency_id", nullable = false)
  public UUID sourceAgencyId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "shredded_at")
  public Instant shreddedAt;

  public static List<Subject> withBlindIndex(String blindIndex) {
    return list("blindIndex = ?1 and shreddedAt is null", blindIndex);
  }

  @Override
  public String toString() {
    return "Subject[" + id + "]";
  }
}
