package org.casereview.disclosure;

import java.util.List;
import java.util.UUID;
import org.casereview.policy.ConsentGrant;

/**
 * Every consent of a youth, live or not: the engine decides which count. Read fresh on every
 * disclosure, never cached, so that a revocation is honoured on the very next read.
 */
public interface ConsentSource {

  List<ConsentGrant> grantsOf(UUID subjectId);
}
