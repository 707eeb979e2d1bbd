package org.casereview.breakglass;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.casereview.casefile.CaseFile;
import org.casereview.crypto.FieldPlace;
import org.casereview.crypto.SubjectFieldStore;

/** Break-glass justifications of a youth's cases, for data-key rotation. */
@ApplicationScoped
public class JustificationStore implements SubjectFieldStore {

  @Override
  public void reencryptSubject(UUID subjectId, BiFunction<FieldPlace, byte[], byte[]> reencrypt) {
    List<CaseFile> cases = CaseFile.list("subjectId", subjectId);
    for (CaseFile file : cases) {
      List<BreakGlass> grants = BreakGlass.list("caseId", file.id);
      for (BreakGlass grant : grants) {
        grant.justificationSealed =
            reencrypt.apply(
                new FieldPlace(BreakGlass.TABLE, "justification_sealed", grant.id),
                grant.justificationSealed);
      }
    }
  }
}
