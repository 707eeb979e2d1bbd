package org.casereview.policy.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casereview.policy.AccessRule;
import org.casereview.policy.BreakGlassPolicy;
import org.casereview.policy.CaseFlag;
import org.casereview.policy.CategoryPolicy;
import org.casereview.policy.ConsentForm;
import org.casereview.policy.ConsentPolicy;
import org.casereview.policy.DataCategory;
import org.casereview.policy.GrantorKind;
import org.casereview.policy.InvalidPolicyPackException;
import org.casereview.policy.LegalStatus;
import org.casereview.policy.Obligation;
import org.casereview.policy.PackRule;
import org.casereview.policy.PolicyPack;
import org.casereview.policy.PolicyPackValidator;
import org.casereview.policy.Purpose;
import org.casereview.policy.Reclassification;
import org.casereview.policy.Role;
import org.casereview.policy.RolePolicy;
import org.casereview.policy.Sector;

/**
 * Reads a policy pack from YAML (JSON is YAML too) and validates it. Unknown keys, unknown enum
 * names and missing citations are refused with the path of the offending entry, so an operator can
 * fix their pack from the start-up message alone. See src/main/resources/policy/default-pack.yaml
 * for the format.
 */
public final class PolicyPackLoader {
  /** The pack shipped with the service, on the classpath. */
  public static final String DEFAULT_RESOURCE = "/policy/default-pack.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private PolicyPackLoader() {}

  /** The shipped default pack. */
  public static PolicyPack loadDefault() {
    try (InputStream in = PolicyPackLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new InvalidPolicyPackException(DEFAULT_RESOURCE, List.of("not on the classpath"));
      }
      return load(in, "classpath:" + DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** An operator's pack from a file. */
  public static PolicyPack load(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return load(in, path.toString());
    } catch (IOException e) {
      throw new InvalidPolicyPackException(
          path.toString(), List.of("cannot read: " + e.getMessage()));
    }
  }

  /** A pack from a stream; {@code sourceName} only labels error messages. */
  public static PolicyPack load(InputStream in, String sourceName) {
    JsonNode root;
    try {
      root = YAML.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidPolicyPackException(
          sourceName, List.of("not valid YAML: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidPolicyPackException(sourceName, List.of("cannot read: " + e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidPolicyPackException(sourceName, List.of("the pack is not a YAML mapping"));
    }
    List<String> problems = new ArrayList<>();
    PolicyPack pack = new Reader(problems).pack(root);
    if (problems.isEmpty()) {
      problems.addAll(PolicyPackValidator.problems(pack));
    }
    if (!problems.isEmpty()) {
      throw new InvalidPolicyPackException(sourceName, problems);
    }
    return pack;
  }

  /** Walks the tree collecting every problem rather than stopping at the first. */
  private static final class Reader {
    private final List<String> problems;

    Reader(List<String> problems) {
      this.problems = problems;
    }

    PolicyPack pack(JsonNode root) {
      keys(root, "", "version", "title", "rules", "roles", "breakGlass", "categories");
      String version = text(root, "version", "");
      String title = text(root, "title", "");
      Map<String, PackRule> rules = new LinkedHashMap<>();
      JsonNode rulesNode = root.get("rules");
      if (rulesNode == null || !rulesNode.isArray()) {
        problems.add("rules: a list of {id, citation, summary} is required");
      } else {
        for (int i = 0; i < rulesNode.size(); i++) {
          JsonNode r = rulesNode.get(i);
          String at = "rules[" + i + "]";
          keys(r, at, "id", "citation", "summary");
          String id = text(r, "id", at);
          String citation = optionalText(r, "citation");
          if (citation == null || citation.isBlank()) {
            problems.add(at + " (" + id + "): missing citation");
            citation = "";
          }
          String summary = optionalText(r, "summary");
          if (rules.put(id, new PackRule(id, citation, summary == null ? "" : summary)) != null) {
            problems.add(at + ": duplicate rule id " + id);
          }
        }
      }
      Map<Role, RolePolicy> roles = new EnumMap<>(Role.class);
      JsonNode rolesNode = object(root, "roles", "");
      if (rolesNode != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = rolesNode.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          Role role = enumName(Role.class, e.getKey(), "roles");
          if (role != null) {
            roles.put(role, role(role, e.getValue(), "roles." + e.getKey()));
          }
        }
      }
      BreakGlassPolicy breakGlass = breakGlass(object(root, "breakGlass", ""));
      Map<DataCategory, CategoryPolicy> categories = new EnumMap<>(DataCategory.class);
      JsonNode catNode = object(root, "categories", "");
      if (catNode != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = catNode.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          DataCategory c = enumName(DataCategory.class, e.getKey(), "categories");
          if (c != null) {
            categories.put(c, category(c, e.getValue(), "categories." + e.getKey()));
          }
        }
      }
      return new PolicyPack(version, title, rules, roles, categories, breakGlass);
    }

    private RolePolicy role(Role role, JsonNode n, String at) {
      keys(n, at, "rule", "caseContent", "asMember", "triageCategories", "triagePurposes");
      return new RolePolicy(
          role,
          text(n, "rule", at),
          bool(n, "caseContent", at, null),
          bool(n, "asMember", at, false),
          enumSet(DataCategory.class, n, "triageCategories", at),
          enumSet(Purpose.class, n, "triagePurposes", at));
    }

    private BreakGlassPolicy breakGlass(JsonNode n) {
      String at = "breakGlass";
      if (n == null) {
        return new BreakGlassPolicy("", Set.of(), Duration.ZERO, Set.of());
      }
      keys(n, at, "rule", "categories", "maxDuration", "obligations");
      Duration max = Duration.ZERO;
      String raw = text(n, "maxDuration", at);
      try {
        max = Duration.parse(raw);
      } catch (DateTimeParseException e) {
        problems.add(at + ".maxDuration: '" + raw + "' is not an ISO-8601 duration such as PT4H");
      }
      return new BreakGlassPolicy(
          text(n, "rule", at),
          enumSet(DataCategory.class, n, "categories", at),
          max,
          enumSet(Obligation.class, n, "obligations", at));
    }

    private CategoryPolicy category(DataCategory c, JsonNode n, String at) {
      keys(n, at, "governingLaw", "defaultRule", "access", "consent", "obligations", "reclassify");
      List<AccessRule> access = new ArrayList<>();
      JsonNode accessNode = n.get("access");
      if (accessNode == null || !accessNode.isArray()) {
        problems.add(at + ".access: a list is required (may be empty: [])");
      } else {
        for (int i = 0; i < accessNode.size(); i++) {
          access.add(access(accessNode.get(i), at + ".access[" + i + "]"));
        }
      }
      List<Reclassification> reclassify = new ArrayList<>();
      JsonNode rn = n.get("reclassify");
      if (rn != null) {
        for (int i = 0; i < rn.size(); i++) {
          JsonNode r = rn.get(i);
          String rat = at + ".reclassify[" + i + "]";
          keys(r, rat, "authorLegalStatus", "governedAs", "rule");
          LegalStatus ls = enumName(LegalStatus.class, text(r, "authorLegalStatus", rat), rat);
          DataCategory as = enumName(DataCategory.class, text(r, "governedAs", rat), rat);
          if (ls != null && as != null) {
            reclassify.add(new Reclassification(ls, as, text(r, "rule", rat)));
          }
        }
      }
      JsonNode consentNode = object(n, "consent", at);
      ConsentPolicy consent =
          consentNode == null
              ? new ConsentPolicy(
                  false,
                  "",
                  ConsentPolicy.RecipientNaming.AGENCY,
                  Set.of(),
                  List.of(),
                  List.of(),
                  null,
                  false,
                  Set.of())
              : consent(consentNode, at + ".consent");
      return new CategoryPolicy(
          c,
          text(n, "governingLaw", at),
          text(n, "defaultRule", at),
          access,
          consent,
          enumSet(Obligation.class, n, "obligations", at),
          reclassify);
    }

    private AccessRule access(JsonNode n, String at) {
      keys(
          n,
          at,
          "rule",
          "exception",
          "relation",
          "sectors",
          "legalStatus",
          "purposes",
          "caseFlags",
          "requiresBreakGlass",
          "obligations");
      AccessRule.Relation relation =
          enumName(AccessRule.Relation.class, text(n, "relation", at), at + ".relation");
      return new AccessRule(
          text(n, "rule", at),
          optionalText(n, "exception"),
          relation == null ? AccessRule.Relation.ON_CASE : relation,
          enumSet(Sector.class, n, "sectors", at),
          enumSet(LegalStatus.class, n, "legalStatus", at),
          enumSet(Purpose.class, n, "purposes", at),
          enumSet(CaseFlag.class, n, "caseFlags", at),
          bool(n, "requiresBreakGlass", at, false),
          enumSet(Obligation.class, n, "obligations", at));
    }

    private ConsentPolicy consent(JsonNode n, String at) {
      keys(
          n,
          at,
          "allowed",
          "rule",
          "recipients",
          "forms",
          "grantors",
          "maxValidityDays",
          "specific",
          "obligations");
      boolean allowed = bool(n, "allowed", at, true);
      ConsentPolicy.RecipientNaming recipients = ConsentPolicy.RecipientNaming.AGENCY;
      List<Set<GrantorKind>> minor = List.of();
      List<Set<GrantorKind>> adult = List.of();
      if (allowed) {
        ConsentPolicy.RecipientNaming r =
            enumName(
                ConsentPolicy.RecipientNaming.class, text(n, "recipients", at), at + ".recipients");
        recipients = r == null ? recipients : r;
        JsonNode g = object(n, "grantors", at);
        if (g != null) {
          keys(g, at + ".grantors", "minor", "adult");
          minor = grantorSets(g.get("minor"), at + ".grantors.minor");
          adult = grantorSets(g.get("adult"), at + ".grantors.adult");
        }
      }
      Integer maxDays = null;
      JsonNode md = n.get("maxValidityDays");
      if (md != null) {
        if (md.canConvertToInt() && md.isIntegralNumber()) {
          maxDays = md.intValue();
        } else {
          problems.add(at + ".maxValidityDays: a whole number of days is required");
        }
      }
      return new ConsentPolicy(
          allowed,
          text(n, "rule", at),
          recipients,
          enumSet(ConsentForm.class, n, "forms", at),
          minor,
          adult,
          maxDays,
          bool(n, "specific", at, false),
          enumSet(Obligation.class, n, "obligations", at));
    }

    private List<Set<GrantorKind>> grantorSets(JsonNode n, String at) {
      List<Set<GrantorKind>> sets = new ArrayList<>();
      if (n == null || !n.isArray()) {
        problems.add(at + ": a list of grantor sets such as [[PARENT_OR_GUARDIAN], [COURT_ORDER]]");
        return sets;
      }
      for (int i = 0; i < n.size(); i++) {
        JsonNode s = n.get(i);
        if (!s.isArray()) {
          problems.add(at + "[" + i + "]: a list of grantor kinds is required");
          continue;
        }
        Set<GrantorKind> kinds = EnumSet.noneOf(GrantorKind.class);
        for (JsonNode k : s) {
          GrantorKind g = enumName(GrantorKind.class, k.asText(), at + "[" + i + "]");
          if (g != null) {
            kinds.add(g);
          }
        }
        sets.add(kinds);
      }
      return sets;
    }

    private void keys(JsonNode n, String at, String... allowed) {
      if (n == null || !n.isObject()) {
        problems.add((at.isEmpty() ? "pack" : at) + ": a mapping is required");
        return;
      }
      Set<String> ok = Set.of(allowed);
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!ok.contains(k)) {
          problems.add(prefix(at) + k + ": unknown key (expected one of " + List.of(allowed) + ")");
        }
      }
    }

    private JsonNode object(JsonNode n, String key, String at) {
      JsonNode v = n == null ? null : n.get(key);
      if (v == null || !v.isObject()) {
        problems.add(prefix(at) + key + ": a mapping is required");
        return null;
      }
      return v;
    }

    private String text(JsonNode n, String key, String at) {
      JsonNode v = n == null ? null : n.get(key);
      if (v == null || !v.isValueNode() || v.asText().isBlank()) {
        problems.add(prefix(at) + key + ": required");
        return "";
      }
      return v.asText();
    }

    private static String optionalText(JsonNode n, String key) {
      JsonNode v = n == null ? null : n.get(key);
      return v == null || v.isNull() ? null : v.asText();
    }

    private boolean bool(JsonNode n, String key, String at, Boolean dflt) {
      JsonNode v = n == null ? null : n.get(key);
      if (v == null) {
        if (dflt == null) {
          problems.add(prefix(at) + key + ": required (true or false)");
          return false;
        }
        return dflt;
      }
      if (!v.isBoolean()) {
        problems.add(prefix(at) + key + ": true or false is required");
        return false;
      }
      return v.booleanValue();
    }

    private <E extends Enum<E>> Set<E> enumSet(Class<E> type, JsonNode n, String key, String at) {
      Set<E> out = EnumSet.noneOf(type);
      JsonNode v = n == null ? null : n.get(key);
      if (v == null) {
        return out;
      }
      if (!v.isArray()) {
        problems.add(prefix(at) + key + ": a list is required");
        return out;
      }
      for (JsonNode e : v) {
        E value = enumName(type, e.asText(), prefix(at) + key);
        if (value != null) {
          out.add(value);
        }
      }
      return out;
    }

    private <E extends Enum<E>> E enumName(Class<E> type, String name, String at) {
      if (name == null || name.isBlank()) {
        return null;
      }
      try {
        return Enum.valueOf(type, name);
      } catch (IllegalArgumentException e) {
        problems.add(
            at
                + ": unknown "
                + type.getSimpleName()
                + " '"
                + name
                + "' (expected one of "
                + List.of(type.getEnumConstants())
                + ")");
        return null;
      }
    }

    private static String prefix(String at) {
      return at.isEmpty() ? "" : at + ".";
    }
  }
}
