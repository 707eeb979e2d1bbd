package org.casereview.subject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.casereview.crypto.FieldPlace;
import org.casereview.crypto.SubjectFieldStore;

/**
 * Every table holding a youth's sealed fields, for data-key rotation: each is re-encrypted in
 * place. A new sealed column must be listed here, or rotation would leave it under a destroyed key
 * (SubjectFieldStoresTest checks the schema for *_sealed columns not listed).
 */
@ApplicationScoped
public class SubjectFieldStores implements SubjectFieldStore {

  /** A sealed column, the id column bound into its place, and the column naming its subject. */
  record SealedColumn(
      String table, String column, String rowId, String subjectColumn, String placeTable) {}

  /** Record fields bind a derived place id; handled apart from the plain columns below. */
  static final List<SealedColumn> COLUMNS =
      List.of(
          new SealedColumn("subject", "legal_name_sealed", "id", "id", "subject"),
          new SealedColumn("subject", "aliases_sealed", "id", "id", "subject"),
          new SealedColumn("subject", "date_of_birth_sealed", "id", "id", "subject"),
          new SealedColumn("subject", "gender_sealed", "id", "id", "subject"),
          new SealedColumn("subject", "contact_sealed", "id", "id", "subject"),
          new SealedColumn("referral", "indicators_sealed", "id", "subject_id", "referral"),
          new SealedColumn("referral", "narrative_sealed", "id", "subject_id", "referral"),
          new SealedColumn("referral", "triage_note_sealed", "id", "subject_id", "referral"),
          new SealedColumn("referral", "decline_reason_sealed", "id", "subject_id", "referral"),
          new SealedColumn("case_file", "outcome_note_sealed", "id", "subject_id", "case_file"));

  @Inject EntityManager em;

  @Override
  public void reencryptSubject(UUID subjectId, BiFunction<FieldPlace, byte[], byte[]> reencrypt) {
    for (SealedColumn c : COLUMNS) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT "
                      + c.rowId()
                      + ", "
                      + c.column()
                      + " FROM "
                      + c.table()
                      + " WHERE "
                      + c.subjectColumn()
                      + " = ?1 AND "
                      + c.column()
                      + " IS NOT NULL")
              .setParameter(1, subjectId)
              .getResultList();
      for (Object[] row : rows) {
        UUID rowId = (UUID) row[0];
        byte[] fresh =
            reencrypt.apply(new FieldPlace(c.placeTable(), c.column(), rowId), (byte[]) row[1]);
        em.createNativeQuery(
                "UPDATE " + c.table() + " SET " + c.column() + " = ?1 WHERE " + c.rowId() + " = ?2")
            .setParameter(1, fresh)
            .setParameter(2, rowId)
            .executeUpdate();
      }
    }
  }
}
