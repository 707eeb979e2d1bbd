package org.casereview.policy;

import java.util.Objects;

/**
 * One person or authority granting a consent. A suspected abuser can never grant (VAWA 34 U.S.C.
 * 12291(b)(2)(B)(ii), and the pack's general rule); the flag is recorded so that validation can
 * refuse the consent rather than silently drop the grantor.
 */
public record Grantor(GrantorKind kind, boolean suspectedAbuser) {
  public Grantor {
    Objects.requireNonNull(kind, "kind");
  }

  public static Grantor of(GrantorKind kind) {
    return new Grantor(kind, false);
  }
}
