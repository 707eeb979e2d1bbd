package org.casereview.subject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.casereview.crypto.BlindIndex;
import org.casereview.crypto.FieldCodec;
import org.casereview.crypto.FieldPlace;
import org.casereview.crypto.SubjectKeys;
import org.casereview.disclosure.FieldSource;
import org.casereview.policy.DataCategory;

/** Records youths' identity details encrypted, and presents them to the disclosure path. */
@ApplicationScoped
public class SubjectService {

  /** Field names as they appear in views; one data category each. */
  public static final String LEGAL_NAME = "youth.legalName";

  public static final String ALIASES = "youth.aliases";
  public static final String DATE_OF_BIRTH = "youth.dateOfBirth";
  public static final String GENDER = "youth.gender";
  public static final String CONTACT = "youth.contact";

  @Inject FieldCodec codec;
  @Inject SubjectKeys keys;
  @Inject BlindIndex blindIndex;
  @Inject Clock clock;

  /** A new subject for the identity a referral submitted (caller's transaction). */
  public Subject record(YouthIdentity youth, UUID sourceAgencyId) {
    Subject subject = new Subject();
    subject.id = UUID.randomUUID();
    subject.sourceAgencyId = sourceAgencyId;
    subject.createdAt = Instant.now(clock);
    keys.create(subject.id);
    subject.legalNameSealed = seal(subject.id, "legal_name_sealed", youth.legalName());
    subject.aliasesSealed =
        youth.aliases() == null || youth.aliases().isEmpty()
            ? null
            : seal(subject.id, "aliases_sealed", String.join("\n", youth.aliases()));
    subject.dateOfBirthSealed =
        youth.dateOfBirth() == null
            ? null
            : seal(subject.id, "date_of_birth_sealed", youth.dateOfBirth().toString());
    subject.genderSealed = seal(subject.id, "gender_sealed", youth.gender());
    subject.contactSealed = seal(subject.id, "contact_sealed", youth.contact());
    subject.blindIndex =
        youth.dateOfBirth() == null
            ? null
            : blindIndex.forNameAndBirthDate(youth.legalName(), youth.dateOfBirth());
    subject.persist();
    return subject;
  }

  /** The identity fields of a subject, labelled, for the disclosure path. */
  public List<FieldSource> identityFields(Subject s) {
    return List.of(
        sealedField(s, LEGAL_NAME, DataCategory.IDENTITY, "legal_name_sealed", s.legalNameSealed),
        sealedField(s, ALIASES, DataCategory.IDENTITY, "aliases_sealed", s.aliasesSealed),
        sealedField(
            s, DATE_OF_BIRTH, DataCategory.IDENTITY, "date_of_birth_sealed", s.dateOfBirthSealed),
        sealedField(s, GENDER, DataCategory.IDENTITY, "gender_sealed", s.genderSealed),
        sealedField(s, CONTACT, DataCategory.SAFETY_LOCATION, "contact_sealed", s.contactSealed));
  }

  /** Name and date of birth only: what duplicate checks and lists need (minimum necessary). */
  public List<FieldSource> nameAndBirthDate(Subject s) {
    List<FieldSource> all = identityFields(s);
    return List.of(all.get(0), all.get(2));
  }

  private FieldSource sealedField(
      Subject s, String name, DataCategory category, String column, byte[] ciphertext) {
    return FieldSource.sealed(
        name, category, s.sourceAgencyId, new FieldPlace(Subject.TABLE, column, s.id), ciphertext);
  }

  private byte[] seal(UUID subjectId, String column, String value) {
    return codec.seal(subjectId, new FieldPlace(Subject.TABLE, column, subjectId), value);
  }
}
