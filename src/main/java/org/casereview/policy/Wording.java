package org.casereview.policy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Plain-language wording for reasons and remedies. Never takes a field value. */
final class Wording {
  private Wording() {}

  static String grantor(GrantorKind k) {
    return switch (k) {
      case YOUTH -> "the youth";
      case PARENT_OR_GUARDIAN -> "a parent or guardian who is not the suspected abuser";
      case AGENCY_WITH_CUSTODY -> "the agency with legal custody";
      case COURT_ORDER -> "a court order";
    };
  }

  static String grantorSets(List<Set<GrantorKind>> sets) {
    return sets.stream()
        .map(
            s ->
                s.stream()
                    .sorted()
                    .map(Wording::grantor)
                    .collect(Collectors.joining(" together with ")))
        .collect(Collectors.joining(", or "));
  }

  static String form(ConsentForm f) {
    return switch (f) {
      case WRITTEN -> "written";
      case ELECTRONIC_SIGNATURE -> "electronically signed";
      case DOCUMENTED_VERBAL -> "documented verbal";
    };
  }

  static String forms(Set<ConsentForm> forms) {
    return forms.stream().sorted().map(Wording::form).collect(Collectors.joining(" or "));
  }

  static String purpose(Purpose p) {
    return p.name();
  }
}
