package org.casereview.audit.export;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditLog;
import org.casereview.audit.AuditTestSupport;
import org.casereview.audit.JdkEd25519;
import org.casereview.audit.chain.Sealer;
import org.casereview.audit.offline.AuditCli;
import org.casereview.policy.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auditor exports, hands the file, its manifest and the public key to a third party, and the
 * third party's offline verifier accepts it; any edit to the file makes it refuse.
 */
@QuarkusTest
@TestSecurity(user = "b0000000-0000-4000-8000-000000000011", roles = "auditor")
@OidcSecurity(
    claims = {
      @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000011"),
      @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000001")
    })
class AuditExportTest {

  @Inject AuditLog log;
  @Inject Sealer sealer;
  @Inject io.agroal.api.AgroalDataSource dataSource;

  @TempDir Path dir;

  private UUID subject;

  @BeforeEach
  void aYouthsHistory() {
    subject = UUID.randomUUID();
    AuditTestSupport.recordDisclosures(log, subject, 3);
    QuarkusTransaction.requiringNew()
        .run(() -> log.recordRefusal(AuditTestSupport.refusal(subject)));
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                log.record(
                    AuditEvent.builder(AuditEventType.DISCLOSURE)
                        .actor(UUID.randomUUID(), UUID.randomUUID())
                        .purpose(Purpose.EMERGENCY)
                        .subjectId(subject)
                        .breakGlass(true, UUID.randomUUID())
                        .field(
                            org.casereview.audit.AuditField.released(
                                "placement.address",
                                org.casereview.policy.DataCategory.SAFETY_LOCATION,
                                "BREAK-GLASS",
                                null,
                                null,
                                "IMMINENT_DANGER",
                                UUID.randomUUID(),
                                java.util.Set.of()))
                        .build()));
    AuditTestSupport.sealEverything(sealer);
  }

  /** Runs an export to completion and saves file, manifest and public key; returns the file. */
  private Path export(Map<String, Object> request, String name) throws Exception {
    String id =
        given()
            .contentType("application/json")
            .body(request)
            .post("/api/v1/audit/exports")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "DONE"
                    .equals(
                        given()
                            .get("/api/v1/audit/exports/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("status")));
    Path file = dir.resolve(name);
    Files.write(
        file,
        given()
            .get("/api/v1/audit/exports/" + id + "/file")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray());
    Files.write(
        dir.resolve(name + ".manifest.json"),
        given()
            .get("/api/v1/audit/exports/" + id + "/manifest")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray());
    return file;
  }

  private int verify(Path file, Path manifest) throws Exception {
    Path key = dir.resolve("audit-key.pem");
    Files.writeString(
        key,
        given().get("/api/v1/audit/public-key/pem").then().statusCode(200).extract().asString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    return AuditCli.verifyExport(
        new String[] {file.toString(), manifest.toString(), key.toString()},
        new PrintStream(out),
        new PrintStream(err),
        JdkEd25519.verifier());
  }

  private Path manifestOf(Path file) {
    return dir.resolve(file.getFileName() + ".manifest.json");
  }

  private Path tamperedCopy(Path file, List<String> lines) throws Exception {
    Path copy = dir.resolve("tampered-" + UUID.randomUUID() + "-" + file.getFileName());
    Files.write(copy, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.copy(manifestOf(file), manifestOf(copy));
    return copy;
  }

  @Test
  void unfilteredExport_isTheSameWhateverTheChunkSize() throws Exception {
    // The unfiltered export merges links and entries chunk by chunk; chunks of one, two and three
    // links put every line on, or next to, a chunk boundary.
    for (ExportFormat format : ExportFormat.values()) {
      byte[] expected = null;
      for (int chunk : new int[] {10_000, 1, 2, 3}) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        AuditExporter.Written written;
        try (java.sql.Connection c = dataSource.getConnection()) {
          ExportManifest.Checkpoint cp = AuditExporter.latestCheckpoint(c);
          written =
              new AuditExporter(chunk)
                  .export(c, ExportFilter.everything(), format, cp, out, p -> {});
          assertEquals(cp.position(), written.count(), "contiguous from position 1");
          assertEquals(cp.position(), written.lastPosition());
        }
        if (expected == null) {
          expected = out.toByteArray();
        } else {
          org.junit.jupiter.api.Assertions.assertArrayEquals(
              expected, out.toByteArray(), format + " in chunks of " + chunk);
        }
      }
    }
  }

  @Test
  void subjectExport_verifiesOffline_andEveryEditIsRefused() throws Exception {
    Path file =
        export(Map.of("format", "ndjson", "subjectId", subject.toString()), "subject.ndjson");
    List<String> lines = Files.readAllLines(file);
    // three disclosures, the refusal, the break-glass disclosure and the export's own entry
    assertEquals(6, lines.size());
    assertTrue(lines.stream().allMatch(l -> l.contains(subject.toString())));
    assertEquals(0, verify(file, manifestOf(file)), "the untouched export verifies");

    List<String> oneByte = new ArrayList<>(lines);
    oneByte.set(1, oneByte.get(1).replace("CASE_REVIEW", "CASE_REVIEX"));
    assertNotEquals(lines.get(1), oneByte.get(1));
    assertEquals(1, verify(tamperedCopy(file, oneByte), manifestOf(file)), "one byte changed");

    List<String> removed = new ArrayList<>(lines);
    removed.remove(2);
    assertEquals(1, verify(tamperedCopy(file, removed), manifestOf(file)), "one line removed");

    List<String> reordered = new ArrayList<>(lines);
    Collections.swap(reordered, 0, 1);
    assertEquals(1, verify(tamperedCopy(file, reordered), manifestOf(file)), "lines reordered");

    List<String> lastRemoved = new ArrayList<>(lines.subList(0, lines.size() - 1));
    assertEquals(1, verify(tamperedCopy(file, lastRemoved), manifestOf(file)), "tail cut off");
  }

  @Test
  void tamperedManifest_isRefused() throws Exception {
    Path file = export(Map.of("subjectId", subject.toString()), "m.ndjson");
    Path manifest = manifestOf(file);
    String json = Files.readString(manifest);
    Files.writeString(manifest, json.replaceFirst("\"count\" : 6", "\"count\" : 5"));
    assertEquals(1, verify(file, manifest));
  }

  @Test
  void csvExport_verifiesOffline_andAnEditIsRefused() throws Exception {
    Path file = export(Map.of("format", "csv", "subjectId", subject.toString()), "subject.csv");
    List<String> lines = Files.readAllLines(file);
    assertEquals(7, lines.size(), "header and six entries");
    assertEquals(0, verify(file, manifestOf(file)));
    List<String> edited = new ArrayList<>(lines);
    edited.set(3, edited.get(3).replace("HEALTH", "EDUCATION"));
    assertNotEquals(lines.get(3), edited.get(3));
    Path copy = dir.resolve("edited.csv");
    Files.write(copy, (String.join("\r\n", edited) + "\r\n").getBytes(StandardCharsets.UTF_8));
    Files.copy(manifestOf(file), manifestOf(copy));
    assertEquals(1, verify(copy, manifestOf(copy)));
  }

  @Test
  void fhirExport_isAuditEventsInTheBalpShape_andVerifiesAsAWhole() throws Exception {
    Path file =
        export(Map.of("format", "fhir-ndjson", "subjectId", subject.toString()), "s.fhir.ndjson");
    List<String> lines = Files.readAllLines(file);
    assertEquals(6, lines.size());
    for (String l : lines) {
      assertTrue(l.startsWith("{\"resourceType\":\"AuditEvent\""), "a FHIR AuditEvent");
      assertTrue(l.contains("IHE.BasicAudit."), "a BALP profile");
    }
    assertTrue(lines.stream().anyMatch(l -> l.contains("\"code\":\"SDV\"")), "HEALTH labelled SDV");
    assertEquals(0, verify(file, manifestOf(file)));
    List<String> edited = new ArrayList<>(lines);
    edited.set(0, edited.get(0).replace("\"outcome\":\"0\"", "\"outcome\":\"4\""));
    assertEquals(1, verify(tamperedCopy(file, edited), manifestOf(file)));
  }

  @Test
  void refusalsOnly_andBreakGlassOnly_filterTheExport() throws Exception {
    Path refusals =
        export(Map.of("subjectId", subject.toString(), "refusalsOnly", true), "refusals.ndjson");
    List<String> r = Files.readAllLines(refusals);
    assertEquals(1, r.size());
    assertTrue(r.get(0).contains("\"eventCode\":\"R100\""));
    Path emergencies =
        export(Map.of("subjectId", subject.toString(), "breakGlassOnly", true), "bg.ndjson");
    List<String> b = Files.readAllLines(emergencies);
    assertEquals(1, b.size());
    assertTrue(b.get(0).contains("\"breakGlass\":true"));
    assertEquals(0, verify(emergencies, manifestOf(emergencies)));
  }

  @Test
  void eventTypeTimeAndActorFilters_selectTheRightEntries() throws Exception {
    // The filtered export inlines its (typed) values into a COPY; each kind of value once.
    String s = subject.toString();
    assertEquals(1, lines(export(Map.of("subjectId", s, "eventType", "R100"), "r.ndjson")));
    assertEquals(4, lines(export(Map.of("subjectId", s, "eventType", "DISCLOSURE"), "d.ndjson")));
    String from = java.time.Instant.now().minusSeconds(3600).toString();
    String to = java.time.Instant.now().plusSeconds(3600).toString();
    // Each export is itself an entry about the subject (AUDIT_EXPORTED): count disclosures only.
    String d = "D100";
    Path window =
        export(Map.of("subjectId", s, "eventType", d, "from", from, "to", to), "window.ndjson");
    assertEquals(4, lines(window));
    assertEquals(0, verify(window, manifestOf(window)));
    assertEquals(
        0,
        lines(export(Map.of("subjectId", s, "eventType", d, "to", from), "before.ndjson")),
        "nothing before");
    String other = UUID.randomUUID().toString();
    for (String key : List.of("agencyId", "memberId", "caseId")) {
      assertEquals(
          0,
          lines(export(Map.of("subjectId", s, "eventType", d, key, other), key + ".ndjson")),
          key);
    }
  }

  private static int lines(Path file) throws Exception {
    return Files.readAllLines(file).size();
  }

  @Test
  void wholeChainExport_isContiguousAndEndsAtItsCheckpoint() throws Exception {
    Path file = export(Map.of(), "all.ndjson");
    assertEquals(0, verify(file, manifestOf(file)));
    List<String> lines = Files.readAllLines(file);
    List<String> gap = new ArrayList<>(lines);
    gap.remove(lines.size() / 2);
    assertEquals(1, verify(tamperedCopy(file, gap), manifestOf(file)));
  }

  @Test
  void badRequest_isRefusedWithoutEcho() {
    given()
        .contentType("application/json")
        .body(Map.of("format", "xml"))
        .post("/api/v1/audit/exports")
        .then()
        .statusCode(400);
    given()
        .contentType("application/json")
        .body(Map.of("from", "yesterday"))
        .post("/api/v1/audit/exports")
        .then()
        .statusCode(400);
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000015", roles = "auditor")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000015"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000005")
      })
  void anotherAuditorsJob_isNotFound() {
    given().get("/api/v1/audit/exports/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  @TestSecurity(user = "b0000000-0000-4000-8000-000000000006", roles = "mdt-member")
  @OidcSecurity(
      claims = {
        @Claim(key = "sub", value = "b0000000-0000-4000-8000-000000000006"),
        @Claim(key = "agency_id", value = "a0000000-0000-4000-8000-000000000006")
      })
  void aMember_cannotExport() {
    given()
        .contentType("application/json")
        .body(Map.of())
        .post("/api/v1/audit/exports")
        .then()
        .statusCode(403);
  }
}
