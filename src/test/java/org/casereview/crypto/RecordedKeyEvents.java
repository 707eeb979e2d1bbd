package org.casereview.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the crypto events as the audit log will observe them. */
@ApplicationScoped
public class RecordedKeyEvents {

  private final List<SubjectShredded> shredded = new CopyOnWriteArrayList<>();
  private final List<KeyRotated> rotated = new CopyOnWriteArrayList<>();

  // Methods, not fields: the test sees a client proxy, whose own fields are not the bean's.
  public List<SubjectShredded> shredded() {
    return List.copyOf(shredded);
  }

  public List<KeyRotated> rotated() {
    return List.copyOf(rotated);
  }

  void onShredded(@Observes SubjectShredded event) {
    shredded.add(event);
  }

  void onRotated(@Observes KeyRotated event) {
    rotated.add(event);
  }
}
