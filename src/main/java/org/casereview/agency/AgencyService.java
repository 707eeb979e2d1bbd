package org.casereview.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.agency.AgencyViews.AgencyView;
import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.casereview.audit.AuditEventType;
import org.casereview.disclosure.AuditTrail;
import org.casereview.policy.LegalStatus;

/** The administrator's registry of agencies and their MOUs. */
@ApplicationScoped
public class AgencyService {

  @Inject AuditTrail auditTrail;
  @Inject Clock clock;

  @Transactional
  public List<AgencyView> list() {
    LocalDate today = LocalDate.now(clock);
    List<Agency> agencies = Agency.list("order by name");
    return agencies.stream().map(a -> AgencyView.of(a, Mou.ofAgency(a.id), today)).toList();
  }

  @Transactional
  public AgencyView read(UUID id) {
    return AgencyView.of(existing(id), Mou.ofAgency(id), LocalDate.now(clock));
  }

  @Transactional
  public AgencyView create(AgencyRequests.AgencyDetails request) {
    requireUniqueName(request.name(), null);
    Agency agency = new Agency();
    agency.id = UUID.randomUUID();
    agency.createdAt = Instant.now(clock);
    apply(agency, request);
    agency.persist();
    auditTrail.change(
        AuditEventType.AGENCY_CHANGED, null, null, agency.id, Map.of("change", "registered"));
    return AgencyView.of(agency, List.of(), LocalDate.now(clock));
  }

  @Transactional
  public AgencyView update(UUID id, AgencyRequests.AgencyDetails request) {
    Agency agency = existing(id);
    requireUniqueName(request.name(), id);
    apply(agency, request);
    auditTrail.change(
        AuditEventType.AGENCY_CHANGED, null, null, agency.id, Map.of("change", "updated"));
    return AgencyView.of(agency, Mou.ofAgency(id), LocalDate.now(clock));
  }

  @Transactional
  public AgencyView addMou(UUID agencyId, AgencyRequests.MouTerms terms) {
    existing(agencyId);
    if (terms.expiresOn().isBefore(terms.effectiveFrom())) {
      throw ApiProblem.invalid("expiresOn", "must not be before effectiveFrom");
    }
    if (terms.effectiveFrom().isBefore(terms.signedOn())) {
      throw ApiProblem.invalid("effectiveFrom", "must not be before signedOn");
    }
    Mou mou = new Mou();
    mou.id = UUID.randomUUID();
    mou.agencyId = agencyId;
    mou.signedOn = terms.signedOn();
    mou.effectiveFrom = terms.effectiveFrom();
    mou.expiresOn = terms.expiresOn();
    mou.categories = terms.categories();
    mou.purposes = terms.purposes();
    mou.createdAt = Instant.now(clock);
    mou.persist();
    auditTrail.change(
        AuditEventType.MOU_CHANGED,
        null,
        null,
        mou.id,
        Map.of(
            "agencyId",
            agencyId.toString(),
            "change",
            "added",
            "expiresOn",
            mou.expiresOn.toString()));
    return read(agencyId);
  }

  @Transactional
  public AgencyView terminateMou(UUID agencyId, UUID mouId) {
    Mou mou = Mou.findById(mouId);
    if (mou == null || !mou.agencyId.equals(agencyId)) {
      throw ApiProblem.notFound("MOU");
    }
    if (mou.terminatedOn != null) {
      throw new ApiProblem(ErrorCode.ILLEGAL_TRANSITION, "The MOU is already terminated");
    }
    mou.terminatedOn = LocalDate.now(clock);
    auditTrail.change(
        AuditEventType.MOU_CHANGED,
        null,
        null,
        mou.id,
        Map.of("agencyId", agencyId.toString(), "change", "terminated"));
    return read(agencyId);
  }

  private static void apply(Agency agency, AgencyRequests.AgencyDetails request) {
    agency.name = request.name().trim();
    agency.sector = request.sector();
    agency.jurisdiction = request.jurisdiction();
    agency.legalStatus =
        request.legalStatus() == null || request.legalStatus().isEmpty()
            ? EnumSet.noneOf(LegalStatus.class)
            : EnumSet.copyOf(request.legalStatus());
    agency.updatedAt = Instant.now();
  }

  private static void requireUniqueName(String name, UUID except) {
    Agency same = Agency.find("lower(name) = lower(?1)", name.trim()).firstResult();
    if (same != null && !same.id.equals(except)) {
      throw new ApiProblem(ErrorCode.CONFLICT, "An agency with this name is already registered");
    }
  }

  static Agency existing(UUID id) {
    Agency agency = Agency.findById(id);
    if (agency == null) {
      throw ApiProblem.notFound("Agency");
    }
    return agency;
  }
}
