package org.casereview.crypto;

/** A new value cannot be sealed for a subject whose data key was destroyed. */
public class SubjectShreddedException extends IllegalStateException {

  public SubjectShreddedException() {
    super("the subject's data key has been destroyed");
  }
}
