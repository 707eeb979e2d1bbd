package org.casereview.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casereview.agency.Agency;
import org.casereview.agency.Jurisdiction;
import org.casereview.agency.Member;
import org.casereview.agency.MemberStatus;
import org.casereview.agency.Mou;
import org.casereview.policy.DataCategory;
import org.casereview.policy.LegalStatus;
import org.casereview.policy.Purpose;
import org.casereview.policy.Role;
import org.casereview.policy.Sector;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the demo agencies, MOUs and members (demo/demo-directory.json, the same people as in
 * keycloak-realm.json) when {@code mdt.demo.enabled=true}. Idempotent: rows already there are left
 * alone, so restarts keep whatever the demo users changed. Never enable it in production.
 */
@ApplicationScoped
public class DemoDirectory {

  private static final Logger LOG = Logger.getLogger(DemoDirectory.class);
  public static final String RESOURCE = "/demo/demo-directory.json";

  @ConfigProperty(name = "mdt.demo.enabled", defaultValue = "false")
  boolean enabled;

  @Inject ObjectMapper json;
  @Inject Clock clock;

  record Directory(List<AgencyEntry> agencies, List<MemberEntry> members) {}

  record AgencyEntry(
      UUID id,
      String name,
      Sector sector,
      Jurisdiction jurisdiction,
      Set<LegalStatus> legalStatus,
      MouEntry mou) {}

  record MouEntry(
      LocalDate signedOn,
      LocalDate effectiveFrom,
      LocalDate expiresOn,
      Set<DataCategory> categories,
      Set<Purpose> purposes) {}

  record MemberEntry(
      String keycloakSubject,
      String username,
      String firstName,
      String lastName,
      String email,
      UUID agencyId,
      List<String> roles,
      LocalDate trainingCompletedOn) {}

  void onStart(@Observes StartupEvent event) {
    if (enabled) {
      int added = load();
      LOG.infof("Demo directory loaded: %d new rows", added);
    }
  }

  @Transactional
  public int load() {
    Directory directory = read();
    Instant now = Instant.now(clock);
    int added = 0;
    for (AgencyEntry entry : directory.agencies()) {
      if (Agency.findById(entry.id()) != null) {
        continue;
      }
      Agency agency = new Agency();
      agency.id = entry.id();
      agency.name = entry.name();
      agency.sector = entry.sector();
      agency.jurisdiction = entry.jurisdiction();
      agency.legalStatus = entry.legalStatus();
      agency.createdAt = now;
      agency.updatedAt = now;
      agency.persist();
      Mou mou = new Mou();
      mou.id = UUID.nameUUIDFromBytes(("mou:" + entry.id()).getBytes());
      mou.agencyId = entry.id();
      mou.signedOn = entry.mou().signedOn();
      mou.effectiveFrom = entry.mou().effectiveFrom();
      mou.expiresOn = entry.mou().expiresOn();
      mou.categories = entry.mou().categories();
      mou.purposes = entry.mou().purposes();
      mou.createdAt = now;
      mou.persist();
      added += 2;
    }
    for (MemberEntry entry : directory.members()) {
      if (Member.byKeycloakSubject(entry.keycloakSubject()).isPresent()) {
        continue;
      }
      Member member = new Member();
      member.id = UUID.nameUUIDFromBytes(("member:" + entry.keycloakSubject()).getBytes());
      member.keycloakSubject = entry.keycloakSubject();
      member.username = entry.username();
      member.displayName = entry.firstName() + " " + entry.lastName();
      member.email = entry.email();
      member.agencyId = entry.agencyId();
      member.roles = Set.copyOf(entry.roles().stream().map(Role::fromRealmRole).toList());
      member.trainingCompletedOn = entry.trainingCompletedOn();
      member.status = MemberStatus.ACTIVE;
      member.createdAt = now;
      member.persist();
      added++;
    }
    return added;
  }

  private Directory read() {
    try (InputStream in = DemoDirectory.class.getResourceAsStream(RESOURCE)) {
      return json.readerFor(Directory.class)
          .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(in);
    } catch (IOException e) {
      throw new IllegalStateException("demo directory unreadable", e);
    }
  }
}
