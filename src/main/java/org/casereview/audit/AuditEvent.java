package org.casereview.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casereview.policy.Purpose;

/**
 * One fact for the audit log, built by the caller and handed to {@link AuditLog}. It holds ids,
 * categories, rule ids and codes only: never a name, a narrative or any other field value. The time
 * is not set here: the database clock stamps the entry when it is written, so entries from several
 * service instances share one clock.
 *
 * <p>{@code toString()} prints the type and ids only.
 */
public final class AuditEvent {

  private static final Pattern DETAIL_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,63}");
  private static final int MAX_DETAIL_VALUE = 256;
  private static final int MAX_TEXT = 128;

  private final AuditEventType type;
  private final String requestId;
  private final UUID memberId;
  private final UUID agencyId;
  private final SortedSet<String> roles;
  private final Purpose purpose;
  private final UUID subjectId;
  private final UUID caseId;
  private final UUID recordId;
  private final List<AuditField> fields;
  private final String policyPackVersion;
  private final boolean breakGlass;
  private final UUID breakGlassGrantId;
  private final SortedMap<String, String> details;

  private AuditEvent(Builder b) {
    this.type = b.type;
    this.requestId = b.requestId;
    this.memberId = b.memberId;
    this.agencyId = b.agencyId;
    this.roles = Collections.unmodifiableSortedSet(new TreeSet<>(b.roles));
    this.purpose = b.purpose;
    this.subjectId = b.subjectId;
    this.caseId = b.caseId;
    this.recordId = b.recordId;
    this.fields = List.copyOf(b.fields);
    this.policyPackVersion = b.policyPackVersion;
    this.breakGlass = b.breakGlass;
    this.breakGlassGrantId = b.breakGlassGrantId;
    this.details = Collections.unmodifiableSortedMap(new TreeMap<>(b.details));
  }

  public static Builder builder(AuditEventType type) {
    return new Builder(type);
  }

  public AuditEventType type() {
    return type;
  }

  public String requestId() {
    return requestId;
  }

  public UUID memberId() {
    return memberId;
  }

  public UUID agencyId() {
    return agencyId;
  }

  public SortedSet<String> roles() {
    return roles;
  }

  public Purpose purpose() {
    return purpose;
  }

  public UUID subjectId() {
    return subjectId;
  }

  public UUID caseId() {
    return caseId;
  }

  public UUID recordId() {
    return recordId;
  }

  public List<AuditField> fields() {
    return fields;
  }

  public String policyPackVersion() {
    return policyPackVersion;
  }

  public boolean breakGlass() {
    return breakGlass;
  }

  public UUID breakGlassGrantId() {
    return breakGlassGrantId;
  }

  /** Non-confidential details (reason codes, counts, key ids): sorted by key. */
  public SortedMap<String, String> details() {
    return details;
  }

  @Override
  public String toString() {
    return "AuditEvent[" + type.code() + " request=" + requestId + "]";
  }

  /** Collects an event; {@link #build()} checks it. Not thread-safe. */
  public static final class Builder {
    private final AuditEventType type;
    private String requestId;
    private UUID memberId;
    private UUID agencyId;
    private final Set<String> roles = new TreeSet<>();
    private Purpose purpose;
    private UUID subjectId;
    private UUID caseId;
    private UUID recordId;
    private final List<AuditField> fields = new ArrayList<>();
    private String policyPackVersion;
    private boolean breakGlass;
    private UUID breakGlassGrantId;
    private final Map<String, String> details = new TreeMap<>();

    private Builder(AuditEventType type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /** The request id (correlates the entry with the HTTP request and its logs). */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** The acting member (Keycloak subject id) and their agency. */
    public Builder actor(UUID memberId, UUID agencyId) {
      this.memberId = memberId;
      this.agencyId = agencyId;
      return this;
    }

    public Builder memberId(UUID memberId) {
      this.memberId = memberId;
      return this;
    }

    public Builder agencyId(UUID agencyId) {
      this.agencyId = agencyId;
      return this;
    }

    /** Realm role names of the actor, e.g. {@code mdt-member}. */
    public Builder roles(Set<String> roles) {
      this.roles.clear();
      if (roles != null) {
        this.roles.addAll(roles);
      }
      return this;
    }

    public Builder purpose(Purpose purpose) {
      this.purpose = purpose;
      return this;
    }

    public Builder subjectId(UUID subjectId) {
      this.subjectId = subjectId;
      return this;
    }

    public Builder caseId(UUID caseId) {
      this.caseId = caseId;
      return this;
    }

    public Builder recordId(UUID recordId) {
      this.recordId = recordId;
      return this;
    }

    public Builder field(AuditField field) {
      this.fields.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    public Builder fields(List<AuditField> fields) {
      fields.forEach(this::field);
      return this;
    }

    public Builder policyPackVersion(String policyPackVersion) {
      this.policyPackVersion = policyPackVersion;
      return this;
    }

    /**
     * Marks an emergency access. The grant id points at the break-glass grant, which holds the
     * written justification (the justification text itself is never in the log).
     */
    public Builder breakGlass(boolean breakGlass, UUID grantId) {
      this.breakGlass = breakGlass;
      this.breakGlassGrantId = grantId;
      return this;
    }

    /** A non-confidential detail: a reason code, a count, a key id. Never a field value. */
    public Builder detail(String key, String value) {
      this.details.put(key, value);
      return this;
    }

    /** The refusal's reason code, e.g. {@code NO_ACTIVE_MOU} (stored as detail "reason"). */
    public Builder reason(String reasonCode) {
      return detail("reason", reasonCode);
    }

    /**
     * The event, checked. IllegalArgumentException (with a message naming only the rule broken)
     * when a disclosure or refusal lacks its actor or purpose, or a detail is malformed.
     */
    public AuditEvent build() {
      if (type == AuditEventType.DISCLOSURE || type == AuditEventType.REFUSAL) {
        require(memberId != null, "a disclosure or refusal names the member");
        require(agencyId != null, "a disclosure or refusal names the member's agency");
        require(purpose != null, "a disclosure or refusal states the purpose");
      }
      if (type == AuditEventType.DISCLOSURE) {
        require(
            fields.stream().anyMatch(f -> f.outcome() == FieldOutcome.RELEASED),
            "a disclosure releases at least one field; use REFUSAL when nothing is released");
      }
      if (type == AuditEventType.REFUSAL) {
        require(
            fields.stream().noneMatch(f -> f.outcome() == FieldOutcome.RELEASED),
            "a refusal releases no field");
      }
      require(!breakGlass || breakGlassGrantId != null, "break-glass names its grant");
      require(breakGlass || breakGlassGrantId == null, "a grant id implies break-glass");
      require(requestId == null || requestId.length() <= MAX_TEXT, "request id too long");
      require(
          policyPackVersion == null || policyPackVersion.length() <= MAX_TEXT,
          "policy pack version too long");
      for (Map.Entry<String, String> d : details.entrySet()) {
        require(DETAIL_KEY.matcher(d.getKey()).matches(), "malformed detail key");
        require(
            d.getValue() != null && d.getValue().length() <= MAX_DETAIL_VALUE,
            "detail value missing or too long");
      }
      for (String role : roles) {
        require(role != null && !role.isEmpty() && role.length() <= 64, "malformed role");
      }
      return new AuditEvent(this);
    }

    private static void require(boolean condition, String rule) {
      if (!condition) {
        throw new IllegalArgumentException("audit event: " + rule);
      }
    }
  }
}
