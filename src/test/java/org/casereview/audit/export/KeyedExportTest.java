package org.casereview.audit.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casereview.audit.AuditEntryWriter;
import org.casereview.audit.AuditEvent;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditField;
import org.casereview.audit.AuditTestSupport;
import org.casereview.audit.chain.AuditKeys;
import org.casereview.audit.chain.Sealer;
import org.casereview.policy.DataCategory;
import org.casereview.policy.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Filtered exports find their entries through the filter keys of the chain's blocks (AuditKeys):
 * spread over several blocks among other youths' entries, every match is found, in chain order, and
 * the lines are byte for byte those of the unfiltered export.
 */
@QuarkusTest
class KeyedExportTest {

  private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");

  @Inject Sealer sealer;

  private UUID youth;
  private UUID agency;
  private int mine;

  @BeforeEach
  void aYouthAmongMany() throws Exception {
    youth = UUID.randomUUID();
    agency = UUID.randomUUID();
    AuditEntryWriter writer = new AuditEntryWriter();
    mine = 0;
    // Three blocks' worth of entries; every 40th is about the youth, and every other one of those
    // is a refusal or an emergency access by one agency.
    try (Connection c = AuditTestSupport.app()) {
      for (int i = 0; i < 3 * AuditKeys.BLOCK; i++) {
        AuditEvent e;
        if (i % 40 != 0) {
          e = AuditTestSupport.disclosure(UUID.randomUUID());
        } else if (i % 80 == 0) {
          e = AuditTestSupport.disclosure(youth);
          mine++;
        } else if (i % 160 == 40) {
          e =
              AuditEvent.builder(AuditEventType.REFUSAL)
                  .actor(UUID.randomUUID(), agency)
                  .purpose(Purpose.INVESTIGATION)
                  .subjectId(youth)
                  .reason("NO_ACTIVE_MOU")
                  .build();
          mine++;
        } else {
          e =
              AuditEvent.builder(AuditEventType.DISCLOSURE)
                  .actor(UUID.randomUUID(), agency)
                  .purpose(Purpose.EMERGENCY)
                  .subjectId(youth)
                  .breakGlass(true, UUID.randomUUID())
                  .field(
                      AuditField.released(
                          "placement.address",
                          DataCategory.SAFETY_LOCATION,
                          "BREAK-GLASS",
                          null,
                          null,
                          "IMMINENT_DANGER",
                          UUID.randomUUID(),
                          Set.of()))
                  .build();
          mine++;
        }
        writer.append(c, e);
      }
    }
    AuditTestSupport.sealEverything(sealer);
  }

  private List<String> export(ExportFilter filter) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Connection c = AuditTestSupport.app()) {
      new AuditExporter()
          .export(c, filter, ExportFormat.NDJSON, AuditExporter.latestCheckpoint(c), out, p -> {});
    }
    String text = out.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  private static ExportFilter filter(
      UUID agency, UUID subject, AuditEventType type, boolean breakGlass, boolean refusals) {
    return new ExportFilter(null, null, agency, null, subject, null, type, breakGlass, refusals);
  }

  private static List<Long> positions(List<String> lines) {
    List<Long> out = new ArrayList<>();
    for (String line : lines) {
      Matcher m = POSITION.matcher(line);
      assertTrue(m.find(), line);
      out.add(Long.parseLong(m.group(1)));
    }
    return out;
  }

  @Test
  void youthsEntriesAcrossBlocks_areAllFound_inChainOrder_asInTheWholeExport() throws Exception {
    List<String> byYouth = export(filter(null, youth, null, false, false));
    assertEquals(mine, byYouth.size());
    List<Long> positions = positions(byYouth);
    Set<Long> blocks = new HashSet<>();
    for (int i = 0; i < positions.size(); i++) {
      blocks.add(AuditKeys.block(positions.get(i)));
      if (i > 0) {
        assertTrue(positions.get(i) > positions.get(i - 1), "chain order");
      }
    }
    assertTrue(blocks.size() >= 3, "spread over blocks: " + blocks);
    String quoted = "\"subjectId\":\"" + youth + "\"";
    List<String> fromWhole =
        export(ExportFilter.everything()).stream().filter(l -> l.contains(quoted)).toList();
    assertEquals(fromWhole, byYouth);
  }

  @Test
  void rareEventsFlagsAndAgency_areFoundThroughTheirOwnKeys() throws Exception {
    int refusals = 0;
    int emergencies = 0;
    for (int i = 0; i < 3 * AuditKeys.BLOCK; i += 40) {
      if (i % 80 != 0) {
        if (i % 160 == 40) {
          refusals++;
        } else {
          emergencies++;
        }
      }
    }
    // Alone (the rare-event and flag keys drive the read) and with the youth (the youth's key
    // does).
    assertEquals(refusals, count(filter(null, null, AuditEventType.REFUSAL, false, false), true));
    assertEquals(refusals, count(filter(null, null, null, false, true), true));
    assertEquals(emergencies, count(filter(null, null, null, true, false), true));
    assertEquals(refusals, count(filter(null, youth, null, false, true), false));
    assertEquals(emergencies, count(filter(agency, null, null, true, false), false));
    assertEquals(refusals + emergencies, count(filter(agency, null, null, false, false), false));
  }

  /** Matching lines; with {@code othersToo}, entries of earlier tests may match as well. */
  private long count(ExportFilter f, boolean othersToo) throws Exception {
    List<String> lines = export(f);
    if (!othersToo) {
      return lines.size();
    }
    String quoted = "\"subjectId\":\"" + youth + "\"";
    return lines.stream().filter(l -> l.contains(quoted)).count();
  }
}
