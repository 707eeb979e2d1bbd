package org.casereview.audit.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casereview.audit.AuditDirectory;
import org.casereview.audit.AuditEventType;
import org.casereview.audit.AuditJson;
import org.casereview.audit.chain.AuditKeys;

/**
 * Builds a youth's accounting of disclosures from the log: every DISCLOSURE entry about the youth
 * that released at least one field held by an agency other than the recipient's. A released field
 * whose holder was not recorded is counted as outside: when in doubt, account for it.
 */
@ApplicationScoped
public class AccountingService {

  private final AgroalDataSource dataSource;
  private final AuditDirectory directory;

  public AccountingService(AgroalDataSource dataSource, AuditDirectory directory) {
    this.dataSource = dataSource;
    this.directory = directory;
  }

  private static final String MATCH =
      " e.subject_id = ? AND e.event_code = ? AND e.recorded_at >= ? AND e.recorded_at < ?";

  private static final String COLUMNS =
      "e.entry_seq, e.recorded_at, e.entry_id, e.agency_id, e.member_id, e.purpose,"
          + " e.break_glass, e.fields";

  /**
   * The youth's disclosures in one snapshot: the sealed ones found through the youth's filter keys
   * ({@link AuditKeys}: the blocks of the chain that hold an entry about them), and those not
   * sealed yet from the tail of the log, in chain order. The conditions are applied to the entries
   * themselves in both parts.
   */
  private static final String ACCOUNTING_SQL =
      "SELECT recorded_at, entry_id, agency_id, member_id, purpose, break_glass, fields FROM ("
          + " SELECT "
          + COLUMNS
          + " FROM audit_entry e WHERE e.entry_seq >"
          + " (SELECT coalesce(max(entry_seq), 0) FROM audit_chain_link) AND"
          + MATCH
          + " UNION ALL SELECT "
          + COLUMNS
          + " FROM audit_key_block k"
          + " JOIN audit_chain_link l ON "
          + AuditKeys.linkInBlock("l", "k.block")
          + " JOIN audit_entry e ON e.entry_seq = l.entry_seq AND e.recorded_at = l.recorded_at"
          + " WHERE"
          + MATCH
          + " AND k.kind = "
          + AuditKeys.Kind.SUBJECT.code
          + " AND k.key = ?) AS d ORDER BY entry_seq";

  public Accounting accountingFor(UUID subjectId, Instant since, Instant until)
      throws SQLException {
    List<Accounting.Disclosure> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(ACCOUNTING_SQL)) {
      for (int part = 0; part < 2; part++) {
        int at = part * 4;
        ps.setObject(at + 1, subjectId);
        ps.setString(at + 2, AuditEventType.DISCLOSURE.code());
        ps.setObject(at + 3, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        ps.setObject(at + 4, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
      }
      ps.setString(9, subjectId.toString());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          UUID recipientAgency = rs.getObject(3, UUID.class);
          JsonNode fields = AuditJson.mapper().readTree(rs.getString(7));
          List<Accounting.DisclosedField> disclosed = new ArrayList<>();
          Set<Accounting.Basis> basis = new LinkedHashSet<>();
          for (JsonNode f : fields) {
            if (!"RELEASED".equals(f.path("outcome").asText())) {
              continue;
            }
            UUID holder = uuid(f.get("authorAgencyId"));
            if (holder != null && holder.equals(recipientAgency)) {
              continue; // the agency's own record: not a disclosure outside it
            }
            disclosed.add(
                new Accounting.DisclosedField(
                    f.path("field").asText(),
                    f.path("category").asText(),
                    holder,
                    holder == null ? null : directory.agencyName(holder).orElse(null)));
            basis.add(
                new Accounting.Basis(
                    text(f.get("ruleId")),
                    text(f.get("citation")),
                    uuid(f.get("consentId")),
                    text(f.get("exception"))));
          }
          if (disclosed.isEmpty()) {
            continue;
          }
          UUID member = rs.getObject(4, UUID.class);
          out.add(
              new Accounting.Disclosure(
                  rs.getObject(1, OffsetDateTime.class).toInstant(),
                  rs.getObject(2, UUID.class),
                  recipientAgency,
                  recipientAgency == null
                      ? null
                      : directory.agencyName(recipientAgency).orElse(null),
                  member,
                  member == null ? null : directory.memberName(member).orElse(null),
                  rs.getString(5),
                  rs.getBoolean(6),
                  List.copyOf(disclosed),
                  List.copyOf(basis)));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("audit entry fields unreadable", e);
    }
    return new Accounting(subjectId, since, until, List.copyOf(out));
  }

  private static UUID uuid(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      return UUID.fromString(n.asText());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
