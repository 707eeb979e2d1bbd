package org.casereview.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads docs/policy-matrix.md into decision requests and consent drafts. Strict: any word it does
 * not know fails the test, so the document cannot say something the test silently ignores.
 */
final class MatrixLines {
  static final Path DOC = Path.of("docs/policy-matrix.md");
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final UUID REQUESTER_AGENCY = UUID.fromString("a0000000-0000-4000-8000-0000000000aa");
  static final UUID OTHER_AGENCY = UUID.fromString("a0000000-0000-4000-8000-0000000000bb");
  static final UUID VAWA_AGENCY = UUID.fromString("a0000000-0000-4000-8000-0000000000cc");
  static final UUID LEAD_AGENCY = UUID.fromString("a0000000-0000-4000-8000-0000000000dd");
  static final UUID MEMBER = UUID.fromString("b0000000-0000-4000-8000-0000000000aa");
  static final UUID CASE = UUID.fromString("c0000000-0000-4000-8000-0000000000aa");
  static final UUID SUBJECT = UUID.fromString("d0000000-0000-4000-8000-0000000000aa");

  private MatrixLines() {}

  record FieldLine(
      String number,
      String text,
      DecisionRequest request,
      FieldLabel field,
      Outcome outcome,
      String rule,
      Set<Obligation> obligations) {}

  record ConsentLine(
      String number, String text, ConsentDraft draft, boolean accept, Set<String> rules) {}

  static List<String[]> tableRows(String firstCellPattern) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(DOC)) {
      if (!line.startsWith("|")) {
        continue;
      }
      String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cells[i].trim();
      }
      if (cells[0].matches(firstCellPattern)) {
        rows.add(cells);
      }
    }
    return rows;
  }

  static List<FieldLine> fieldLines() throws IOException {
    List<FieldLine> out = new ArrayList<>();
    for (String[] c : tableRows("\\d+")) {
      if (c.length != 11) {
        throw new IllegalArgumentException("line " + c[0] + ": expected 11 cells, got " + c.length);
      }
      out.add(fieldLine(c));
    }
    return out;
  }

  static List<ConsentLine> consentLines() throws IOException {
    List<ConsentLine> out = new ArrayList<>();
    for (String[] c : tableRows("C\\d+")) {
      if (c.length != 11) {
        throw new IllegalArgumentException("line " + c[0] + ": expected 11 cells, got " + c.length);
      }
      out.add(consentLine(c));
    }
    return out;
  }

  static Set<LegalStatus> legalStatusOf(Sector s) {
    return switch (s) {
      case LAW_ENFORCEMENT, PROSECUTION, JUVENILE_JUSTICE ->
          EnumSet.of(LegalStatus.CRIMINAL_JUSTICE_AGENCY);
      case HEALTH_CARE, MENTAL_HEALTH -> EnumSet.of(LegalStatus.HIPAA_COVERED_ENTITY);
      case EDUCATION -> EnumSet.of(LegalStatus.FERPA_EDUCATIONAL_AGENCY);
      case VICTIM_SERVICES -> EnumSet.of(LegalStatus.VAWA_VICTIM_SERVICE_PROVIDER);
      default -> EnumSet.noneOf(LegalStatus.class);
    };
  }

  private static FieldLine fieldLine(String[] c) {
    String n = c[0];
    Sector sector = Sector.valueOf(c[1]);
    Role role = Role.fromRealmRole(c[2]);
    if (role == null) {
      throw new IllegalArgumentException("line " + n + ": unknown role " + c[2]);
    }
    Purpose purpose = Purpose.valueOf(c[4]);
    DataCategory category = DataCategory.valueOf(c[5]);

    Set<UUID> participating = new HashSet<>(Set.of(OTHER_AGENCY, VAWA_AGENCY));
    Set<UUID> safetyPlan = new HashSet<>();
    UUID lead = LEAD_AGENCY;
    switch (c[3]) {
      case "lead" -> lead = REQUESTER_AGENCY;
      case "participating" -> participating.add(REQUESTER_AGENCY);
      case "safety plan" -> safetyPlan.add(REQUESTER_AGENCY);
      case "not on case" -> {}
      default -> throw new IllegalArgumentException("line " + n + ": unknown relation " + c[3]);
    }
    FieldLabel field =
        switch (c[6]) {
          case "other agency" -> new FieldLabel("f" + n, category, OTHER_AGENCY, Set.of());
          case "own agency" ->
              new FieldLabel("f" + n, category, REQUESTER_AGENCY, legalStatusOf(sector));
          case "VAWA provider" ->
              new FieldLabel(
                  "f" + n, category, VAWA_AGENCY, Set.of(LegalStatus.VAWA_VICTIM_SERVICE_PROVIDER));
          default -> throw new IllegalArgumentException("line " + n + ": unknown author " + c[6]);
        };

    boolean mouActive = true;
    boolean training = true;
    Set<DataCategory> mouCategories = EnumSet.allOf(DataCategory.class);
    Set<Purpose> mouPurposes = EnumSet.allOf(Purpose.class);
    Set<CaseFlag> flags = EnumSet.noneOf(CaseFlag.class);
    List<ConsentGrant> consents = new ArrayList<>();
    Optional<BreakGlassGrant> breakGlass = Optional.empty();
    if (!c[7].equals("none")) {
      for (String fact : c[7].split(";")) {
        fact = fact.trim();
        if (fact.startsWith("flag ")) {
          flags.add(CaseFlag.valueOf(fact.substring(5)));
        } else if (fact.equals("adult")) {
          flags.add(CaseFlag.SUBJECT_IS_ADULT);
        } else if (fact.equals("no MOU")) {
          mouActive = false;
        } else if (fact.equals("training lapsed")) {
          training = false;
        } else if (fact.startsWith("MOU lacks ")) {
          String what = fact.substring(10);
          if (Arrays.stream(Purpose.values()).anyMatch(p -> p.name().equals(what))) {
            mouPurposes.remove(Purpose.valueOf(what));
          } else {
            mouCategories.remove(DataCategory.valueOf(what));
          }
        } else if (fact.equals("break-glass")) {
          breakGlass =
              Optional.of(
                  new BreakGlassGrant(
                      UUID.randomUUID(),
                      MEMBER,
                      CASE,
                      NOW.minus(Duration.ofMinutes(10)),
                      NOW.plus(Duration.ofMinutes(110))));
        } else if (fact.equals("break-glass expired")) {
          breakGlass =
              Optional.of(
                  new BreakGlassGrant(
                      UUID.randomUUID(),
                      MEMBER,
                      CASE,
                      NOW.minus(Duration.ofHours(3)),
                      NOW.minus(Duration.ofHours(1))));
        } else if (fact.startsWith("consent ")) {
          consents.add(consent(n, fact, sector));
        } else {
          throw new IllegalArgumentException("line " + n + ": unknown situation '" + fact + "'");
        }
      }
    }
    Requester requester =
        new Requester(
            MEMBER,
            REQUESTER_AGENCY,
            "Requesting " + sector + " agency",
            sector,
            legalStatusOf(sector),
            Set.of(role),
            new MouStatus(mouActive, mouCategories, mouPurposes),
            training);
    CaseFacts facts = new CaseFacts(CASE, SUBJECT, lead, participating, safetyPlan, flags);
    DecisionRequest request =
        new DecisionRequest(requester, purpose, facts, consents, breakGlass, NOW);
    Outcome outcome = Outcome.valueOf(c[8]);
    Set<Obligation> obligations = EnumSet.noneOf(Obligation.class);
    if (!c[10].equals("-")) {
      for (String o : c[10].split(",")) {
        obligations.add(Obligation.valueOf(o.trim()));
      }
    }
    return new FieldLine(n, String.join(" | ", c), request, field, outcome, c[9], obligations);
  }

  /** consent CATS to RECIPIENT for PURPOSES by GRANTORS FORM [extras]. */
  private static ConsentGrant consent(String n, String fact, Sector sector) {
    List<String> w = new ArrayList<>(List.of(fact.split("\\s+")));
    int i = 1;
    Set<DataCategory> cats = EnumSet.noneOf(DataCategory.class);
    for (String s : w.get(i++).split(",")) {
      cats.add(DataCategory.valueOf(s));
    }
    expect(n, w, i++, "to");
    Set<UUID> agencies = new HashSet<>();
    Set<Sector> sectors = EnumSet.noneOf(Sector.class);
    switch (w.get(i++)) {
      case "agency" -> agencies.add(REQUESTER_AGENCY);
      case "sector" -> sectors.add(sector);
      case "other" -> {
        expect(n, w, i++, "agency");
        agencies.add(OTHER_AGENCY);
      }
      default -> throw new IllegalArgumentException("line " + n + ": unknown recipient");
    }
    expect(n, w, i++, "for");
    Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
    for (String s : w.get(i++).split(",")) {
      purposes.add(Purpose.valueOf(s));
    }
    expect(n, w, i++, "by");
    Set<GrantorKind> grantors = EnumSet.noneOf(GrantorKind.class);
    for (String s : w.get(i++).split("\\+")) {
      grantors.add(GrantorKind.valueOf(s));
    }
    ConsentForm form = form(n, w.get(i++));
    Instant from = NOW.minus(Duration.ofDays(30));
    Instant until = from.plus(Duration.ofDays(365));
    Instant revoked = null;
    boolean namesNotes = false;
    for (; i < w.size(); i++) {
      String x = w.get(i);
      if (x.equals("revoked")) {
        revoked = NOW.minus(Duration.ofHours(1));
      } else if (x.equals("expired")) {
        from = NOW.minus(Duration.ofDays(400));
        until = NOW.minus(Duration.ofDays(1));
      } else if (x.equals("not-yet-valid")) {
        from = NOW.plus(Duration.ofDays(1));
        until = from.plus(Duration.ofDays(365));
      } else if (x.equals("names-notes")) {
        namesNotes = true;
      } else if (x.matches("\\d+-days")) {
        from = NOW.minus(Duration.ofDays(1));
        until = from.plus(Duration.ofDays(Long.parseLong(x.substring(0, x.indexOf('-')))));
      } else {
        throw new IllegalArgumentException("line " + n + ": unknown consent word '" + x + "'");
      }
    }
    return new ConsentGrant(
        UUID.randomUUID(),
        cats,
        agencies,
        sectors,
        purposes,
        from,
        until,
        revoked,
        form,
        grantors,
        namesNotes);
  }

  private static ConsentLine consentLine(String[] c) {
    String n = c[0];
    Set<DataCategory> cats = EnumSet.noneOf(DataCategory.class);
    for (String s : c[1].split(",")) {
      cats.add(DataCategory.valueOf(s.trim()));
    }
    Set<UUID> agencies = new HashSet<>();
    Set<Sector> sectors = EnumSet.noneOf(Sector.class);
    switch (c[2]) {
      case "agency" -> agencies.add(OTHER_AGENCY);
      case "sector" -> sectors.add(Sector.HEALTH_CARE);
      case "agency and sector" -> {
        agencies.add(OTHER_AGENCY);
        sectors.add(Sector.HEALTH_CARE);
      }
      case "none" -> {}
      default -> throw new IllegalArgumentException("line " + n + ": unknown recipients " + c[2]);
    }
    Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
    for (String s : c[3].split(",")) {
      purposes.add(Purpose.valueOf(s.trim()));
    }
    List<Grantor> grantors = new ArrayList<>();
    for (String s : c[4].split("\\+")) {
      s = s.trim();
      boolean abuser = s.endsWith("(suspected abuser)");
      String kind = abuser ? s.substring(0, s.indexOf('(')).trim() : s;
      grantors.add(new Grantor(GrantorKind.valueOf(kind), abuser));
    }
    ConsentForm form = form(n, c[5]);
    Instant from = NOW;
    Instant until;
    if (c[6].equals("no end")) {
      until = null;
    } else if (c[6].equals("end before start")) {
      until = NOW.minus(Duration.ofDays(1));
    } else if (c[6].matches("\\d+ days")) {
      until = NOW.plus(Duration.ofDays(Long.parseLong(c[6].split(" ")[0])));
    } else {
      throw new IllegalArgumentException("line " + n + ": unknown validity " + c[6]);
    }
    boolean minor =
        switch (c[7]) {
          case "minor" -> true;
          case "adult" -> false;
          default -> throw new IllegalArgumentException("line " + n + ": unknown subject " + c[7]);
        };
    boolean namesNotes =
        switch (c[8]) {
          case "yes" -> true;
          case "no" -> false;
          default -> throw new IllegalArgumentException("line " + n + ": names notes? " + c[8]);
        };
    boolean accept =
        switch (c[9]) {
          case "ACCEPT" -> true;
          case "REFUSE" -> false;
          default -> throw new IllegalArgumentException("line " + n + ": outcome " + c[9]);
        };
    Set<String> rules = new HashSet<>();
    if (!c[10].equals("-")) {
      for (String r : c[10].split(",")) {
        rules.add(r.trim());
      }
    }
    ConsentDraft draft =
        new ConsentDraft(
            cats, agencies, sectors, purposes, from, until, form, grantors, namesNotes, minor);
    return new ConsentLine(n, String.join(" | ", c), draft, accept, rules);
  }

  private static ConsentForm form(String n, String word) {
    return switch (word) {
      case "written" -> ConsentForm.WRITTEN;
      case "electronic" -> ConsentForm.ELECTRONIC_SIGNATURE;
      case "verbal" -> ConsentForm.DOCUMENTED_VERBAL;
      default -> throw new IllegalArgumentException("line " + n + ": unknown form " + word);
    };
  }

  private static void expect(String n, List<String> w, int i, String word) {
    if (i >= w.size() || !w.get(i).equals(word)) {
      throw new IllegalArgumentException("line " + n + ": expected '" + word + "' at word " + i);
    }
  }
}
