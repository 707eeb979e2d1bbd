package org.casereview.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.casereview.policy.CaseFacts;
import org.casereview.policy.CaseFlag;
import org.casereview.policy.ConsentForm;
import org.casereview.policy.ConsentGrant;
import org.casereview.policy.DataCategory;
import org.casereview.policy.DecisionRequest;
import org.casereview.policy.FieldLabel;
import org.casereview.policy.GrantorKind;
import org.casereview.policy.LegalStatus;
import org.casereview.policy.MouStatus;
import org.casereview.policy.Purpose;
import org.casereview.policy.Requester;
import org.casereview.policy.Role;
import org.casereview.policy.Sector;

/**
 * The benchmark's case, shared by both engines: 8 agencies, 200 fields spread over every category
 * and author, 10 consents (live, revoked, expired, mismatched), one reading member.
 */
public final class BenchCase {
  public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  public static final int FIELDS = 200;

  /** The eight agencies: sector and legal status, as in the demo directory. */
  public static final List<Sector> SECTORS =
      List.of(
          Sector.CHILD_ADVOCACY_CENTER,
          Sector.LAW_ENFORCEMENT,
          Sector.PROSECUTION,
          Sector.CHILD_WELFARE,
          Sector.HEALTH_CARE,
          Sector.EDUCATION,
          Sector.VICTIM_SERVICES,
          Sector.MENTAL_HEALTH);

  public final List<UUID> agencies = new ArrayList<>();
  public final List<FieldLabel> fields = new ArrayList<>();
  public final DecisionRequest request;
  public final int requesterIndex;

  public BenchCase(Sector requesterSector, Purpose purpose) {
    for (int i = 0; i < SECTORS.size(); i++) {
      agencies.add(UUID.nameUUIDFromBytes(("agency-" + i).getBytes()));
    }
    requesterIndex = SECTORS.indexOf(requesterSector);
    if (requesterIndex < 0) {
      throw new IllegalArgumentException("no bench agency of sector " + requesterSector);
    }
    DataCategory[] cats = DataCategory.values();
    for (int i = 0; i < FIELDS; i++) {
      int author = (i * 7 + i / cats.length) % SECTORS.size();
      fields.add(
          new FieldLabel(
              "record" + (i / 10) + ".field" + i,
              cats[i % cats.length],
              agencies.get(author),
              legalStatus(SECTORS.get(author))));
    }
    UUID me = agencies.get(requesterIndex);
    Requester requester =
        new Requester(
            UUID.nameUUIDFromBytes("member".getBytes()),
            me,
            "Bench " + requesterSector,
            requesterSector,
            legalStatus(requesterSector),
            Set.of(Role.MDT_MEMBER),
            new MouStatus(true, EnumSet.allOf(DataCategory.class), EnumSet.allOf(Purpose.class)),
            true);
    CaseFacts facts =
        new CaseFacts(
            UUID.nameUUIDFromBytes("case".getBytes()),
            UUID.nameUUIDFromBytes("subject".getBytes()),
            agencies.get(0),
            Set.copyOf(agencies),
            Set.of(agencies.get(3), agencies.get(6)),
            EnumSet.of(CaseFlag.CHILD_ABUSE_REPORT, CaseFlag.YOUTH_IN_FOSTER_CARE));
    List<ConsentGrant> consents = new ArrayList<>();
    Instant from = NOW.minus(Duration.ofDays(20));
    Instant until = NOW.plus(Duration.ofDays(40));
    Set<GrantorKind> parent = Set.of(GrantorKind.PARENT_OR_GUARDIAN);
    Set<GrantorKind> youth = Set.of(GrantorKind.YOUTH);
    Set<GrantorKind> both = Set.of(GrantorKind.YOUTH, GrantorKind.PARENT_OR_GUARDIAN);
    Set<Purpose> review = Set.of(Purpose.CASE_REVIEW, Purpose.SERVICE_COORDINATION);
    consents.add(
        grant(
            1,
            Set.of(DataCategory.HEALTH),
            Set.of(),
            Set.of(requesterSector),
            review,
            from,
            until,
            null,
            parent,
            false));
    consents.add(
        grant(
            2,
            Set.of(DataCategory.MENTAL_HEALTH),
            Set.of(me),
            Set.of(),
            review,
            from,
            until,
            null,
            parent,
            false));
    consents.add(
        grant(
            3,
            Set.of(DataCategory.SUBSTANCE_USE),
            Set.of(me),
            Set.of(),
            review,
            from,
            until,
            null,
            youth,
            false));
    consents.add(
        grant(
            4,
            Set.of(DataCategory.EDUCATION),
            Set.of(),
            Set.of(requesterSector),
            review,
            NOW.minus(Duration.ofDays(400)),
            NOW.minus(Duration.ofDays(1)),
            null,
            parent,
            false));
    consents.add(
        grant(
            5,
            Set.of(DataCategory.VICTIM_ADVOCACY),
            Set.of(me),
            Set.of(),
            review,
            from,
            until,
            NOW.minus(Duration.ofDays(2)),
            both,
            false));
    consents.add(
        grant(
            6,
            Set.of(DataCategory.PSYCHOTHERAPY_NOTES),
            Set.of(me),
            Set.of(),
            review,
            from,
            until,
            null,
            parent,
            false));
    consents.add(
        grant(
            7,
            Set.of(DataCategory.IMMIGRATION),
            Set.of(agencies.get((requesterIndex + 1) % 8)),
            Set.of(),
            review,
            from,
            until,
            null,
            both,
            false));
    consents.add(
        grant(
            8,
            Set.of(DataCategory.SAFETY_LOCATION),
            Set.of(me),
            Set.of(),
            Set.of(Purpose.SAFETY_PLANNING),
            from,
            until,
            null,
            youth,
            false));
    consents.add(
        grant(
            9,
            Set.of(DataCategory.CHILD_WELFARE, DataCategory.JUVENILE_JUSTICE),
            Set.of(),
            Set.of(requesterSector),
            review,
            from,
            until,
            null,
            parent,
            false));
    consents.add(
        grant(
            10,
            Set.of(DataCategory.VICTIM_ADVOCACY),
            Set.of(me),
            Set.of(),
            review,
            from,
            from.plus(Duration.ofDays(60)),
            null,
            both,
            false));
    request = new DecisionRequest(requester, purpose, facts, consents, Optional.empty(), NOW);
  }

  private static ConsentGrant grant(
      int n,
      Set<DataCategory> cats,
      Set<UUID> agencies,
      Set<Sector> sectors,
      Set<Purpose> purposes,
      Instant from,
      Instant until,
      Instant revoked,
      Set<GrantorKind> grantors,
      boolean namesNotes) {
    return new ConsentGrant(
        UUID.nameUUIDFromBytes(("consent-" + n).getBytes()),
        cats,
        agencies,
        sectors,
        purposes,
        from,
        until,
        revoked,
        ConsentForm.WRITTEN,
        grantors,
        namesNotes);
  }

  public static Set<LegalStatus> legalStatus(Sector s) {
    return switch (s) {
      case LAW_ENFORCEMENT, PROSECUTION, JUVENILE_JUSTICE ->
          EnumSet.of(LegalStatus.CRIMINAL_JUSTICE_AGENCY);
      case HEALTH_CARE -> EnumSet.of(LegalStatus.HIPAA_COVERED_ENTITY);
      case MENTAL_HEALTH -> EnumSet.of(LegalStatus.HIPAA_COVERED_ENTITY, LegalStatus.PART2_PROGRAM);
      case EDUCATION -> EnumSet.of(LegalStatus.FERPA_EDUCATIONAL_AGENCY);
      case VICTIM_SERVICES -> EnumSet.of(LegalStatus.VAWA_VICTIM_SERVICE_PROVIDER);
      default -> EnumSet.noneOf(LegalStatus.class);
    };
  }
}
