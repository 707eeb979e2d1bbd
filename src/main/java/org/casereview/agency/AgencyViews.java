package org.casereview.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casereview.policy.DataCategory;
import org.casereview.policy.LegalStatus;
import org.casereview.policy.Purpose;
import org.casereview.policy.Role;
import org.casereview.policy.Sector;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The registry as the API shows it. Holds no case data. */
public final class AgencyViews {

  private AgencyViews() {}

  @Schema(name = "Agency")
  public record AgencyView(
      UUID id,
      String name,
      Sector sector,
      Jurisdiction jurisdiction,
      Set<LegalStatus> legalStatus,
      boolean mouActive,
      List<MouView> mous) {

    static AgencyView of(Agency a, List<Mou> mous, LocalDate today) {
      return new AgencyView(
          a.id,
          a.name,
          a.sector,
          a.jurisdiction,
          a.legalStatus,
          mous.stream().anyMatch(m -> m.activeOn(today)),
          mous.stream().map(m -> MouView.of(m, today)).toList());
    }
  }

  @Schema(name = "Mou")
  public record MouView(
      UUID id,
      LocalDate signedOn,
      LocalDate effectiveFrom,
      LocalDate expiresOn,
      LocalDate terminatedOn,
      Set<DataCategory> categories,
      Set<Purpose> purposes,
      boolean active) {

    static MouView of(Mou m, LocalDate today) {
      return new MouView(
          m.id,
          m.signedOn,
          m.effectiveFrom,
          m.expiresOn,
          m.terminatedOn,
          m.categories,
          m.purposes,
          m.activeOn(today));
    }
  }

  @Schema(name = "Member")
  public record MemberView(
      UUID id,
      String username,
      String displayName,
      String email,
      UUID agencyId,
      Set<Role> roles,
      LocalDate trainingCompletedOn,
      MemberStatus status,
      Instant offboardedAt) {

    static MemberView of(Member m) {
      return new MemberView(
          m.id,
          m.username,
          m.displayName,
          m.email,
          m.agencyId,
          m.roles,
          m.trainingCompletedOn,
          m.status,
          m.offboardedAt);
    }
  }

  /** Returned once at onboarding: the temporary password the member must change at first login. */
  @Schema(name = "OnboardedMember")
  public record Onboarded(MemberView member, String temporaryPassword) {
    @Override
    public String toString() {
      return "Onboarded[" + member.id() + "]";
    }
  }
}
