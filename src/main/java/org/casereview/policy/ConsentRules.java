package org.casereview.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses consents the law would not accept, before the registry stores them. Pure; the
 * per-category requirements (forms, grantors, recipients, longest validity) come from the pack, the
 * rest are statutory invariants cited in the pack under {@link RuleIds}. The engine applies the
 * same requirements again on every read, so a consent recorded under an older pack cannot open more
 * than the current pack allows.
 */
public final class ConsentRules {
  private final PolicyPack pack;

  public ConsentRules(PolicyPack pack) {
    this.pack = Objects.requireNonNull(pack, "pack");
  }

  /** Every rule the draft breaks; empty when it may be recorded. */
  public List<ConsentViolation> validate(ConsentDraft draft) {
    List<ConsentViolation> v = new ArrayList<>();
    if (draft.categories().isEmpty()) {
      add(v, RuleIds.CONSENT_SCOPE, "the consent names no data category");
    }
    if (draft.purposes().isEmpty()) {
      add(v, RuleIds.CONSENT_SCOPE, "the consent names no purpose of use");
    }
    if (draft.purposes().contains(Purpose.AUDIT)) {
      add(v, RuleIds.CONSENT_SCOPE, "purpose AUDIT is not a purpose a consent can cover");
    }
    if (draft.recipientAgencyIds().isEmpty() && draft.recipientSectors().isEmpty()) {
      add(v, RuleIds.CONSENT_SCOPE, "the consent names no recipient agency or sector");
    }
    if (draft.form() == null) {
      add(v, RuleIds.CONSENT_SCOPE, "the consent states no form (written, electronic, verbal)");
    }
    if (draft.grantors().isEmpty()) {
      add(v, RuleIds.CONSENT_SCOPE, "the consent names no grantor");
    }
    boolean windowOk = draft.validFrom() != null && draft.validUntil() != null;
    if (!windowOk) {
      add(v, RuleIds.CONSENT_WINDOW, "the consent needs both a start and an end of validity");
    } else if (!draft.validFrom().isBefore(draft.validUntil())) {
      add(v, RuleIds.CONSENT_WINDOW, "the consent's start of validity is not before its end");
      windowOk = false;
    }
    if (draft.grantors().stream().anyMatch(Grantor::suspectedAbuser)) {
      add(v, RuleIds.CONSENT_NO_ABUSER, "a grantor is the suspected abuser and cannot grant");
    }
    boolean psychotherapy = draft.categories().contains(DataCategory.PSYCHOTHERAPY_NOTES);
    if (psychotherapy && draft.categories().size() > 1) {
      add(
          v,
          RuleIds.PSYCHOTHERAPY_NOTES_SPECIFIC,
          "psychotherapy notes need a consent of their own; this one also covers "
              + draft.categories().stream()
                  .filter(c -> c != DataCategory.PSYCHOTHERAPY_NOTES)
                  .sorted()
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
    if (psychotherapy && !draft.namesPsychotherapyNotes()) {
      add(
          v,
          RuleIds.PSYCHOTHERAPY_NOTES_SPECIFIC,
          "a psychotherapy-notes consent must name psychotherapy notes specifically");
    }
    if (!psychotherapy && draft.namesPsychotherapyNotes()) {
      add(
          v,
          RuleIds.CONSENT_SCOPE,
          "the consent names psychotherapy notes but does not cover PSYCHOTHERAPY_NOTES");
    }

    // Only grantors who may grant count towards the required combinations.
    Set<GrantorKind> kinds = EnumSet.noneOf(GrantorKind.class);
    for (Grantor g : draft.grantors()) {
      if (!g.suspectedAbuser()) {
        kinds.add(g.kind());
      }
    }
    for (DataCategory c : draft.categories().stream().sorted().toList()) {
      ConsentPolicy cp = pack.categories().get(c).consent();
      String rule = cp.ruleId();
      if (!cp.allowed() || c == DataCategory.LAW_ENFORCEMENT_SENSITIVE) {
        add(v, rule, c + " cannot be released by consent: " + pack.rule(rule).summary());
        continue;
      }
      if (cp.recipients() == ConsentPolicy.RecipientNaming.AGENCY
          && draft.recipientAgencyIds().isEmpty()) {
        add(v, rule, c + " needs a named recipient agency; a sector alone is not enough");
      }
      if (draft.form() != null && !cp.forms().contains(draft.form())) {
        add(
            v,
            rule,
            c
                + " needs a "
                + Wording.forms(cp.forms())
                + " consent, not "
                + Wording.form(draft.form()));
      }
      if (windowOk
          && cp.maxValidityDays() != null
          && Duration.between(draft.validFrom(), draft.validUntil())
                  .compareTo(Duration.ofDays(cp.maxValidityDays()))
              > 0) {
        add(
            v,
            rule,
            c + " consent must be time-limited to at most " + cp.maxValidityDays() + " days");
      }
      List<Set<GrantorKind>> required = cp.grantorsFor(draft.subjectIsMinor());
      if (required.stream().noneMatch(kinds::containsAll)) {
        add(
            v,
            rule,
            c
                + " consent "
                + (draft.subjectIsMinor() ? "for a minor " : "")
                + "must be given by "
                + Wording.grantorSets(required));
      }
    }
    return List.copyOf(v);
  }

  private void add(List<ConsentViolation> v, String ruleId, String message) {
    v.add(new ConsentViolation(ruleId, pack.rule(ruleId).citation(), message));
  }
}
