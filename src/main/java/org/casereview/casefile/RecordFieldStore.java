package org.casereview.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.casereview.crypto.SubjectFieldStore;

/** Case-record fields of a youth, for data-key rotation. */
@ApplicationScoped
public class RecordFieldStore implements SubjectFieldStore {

  @Override
  public void reencryptSubject(
      UUID subjectId, BiFunction<org.casereview.crypto.FieldPlace, byte[], byte[]> reencrypt) {
    List<CaseRecord> records = CaseRecord.list("subjectId", subjectId);
    for (CaseRecord record : records) {
      for (RecordField field : RecordField.ofRecord(record.id)) {
        if (field.valueSealed != null) {
          field.valueSealed = reencrypt.apply(CaseRecordService.place(field), field.valueSealed);
        }
      }
    }
  }
}
