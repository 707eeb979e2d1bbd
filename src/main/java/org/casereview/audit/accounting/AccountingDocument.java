package org.casereview.audit.accounting;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** The accounting as a printable HTML document (every value escaped). */
final class AccountingDocument {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private AccountingDocument() {}

  static String html(Accounting a) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Accounting of disclosures</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;")
        .append("width:100%}th,td{border:1px solid #444;padding:4px;vertical-align:top;")
        .append("font-size:10pt}@media print{body{margin:0}}</style></head><body>\n")
        .append("<h1>Accounting of disclosures</h1>\n<p>Youth (record id): ")
        .append(esc(a.subjectId().toString()))
        .append("<br>Period: ")
        .append(esc(DATE.format(a.since())))
        .append(" to ")
        .append(esc(DATE.format(a.until())))
        .append("<br>Disclosures listed: ")
        .append(a.disclosures().size())
        .append("</p>\n<p>Every release of this youth's information to an agency other than the")
        .append(" one that holds it (45 CFR 164.528; 34 CFR 99.32).</p>\n")
        .append("<table><thead><tr><th>Date</th><th>Recipient</th><th>What was disclosed</th>")
        .append("<th>Purpose</th><th>Legal basis</th></tr></thead><tbody>\n");
    for (Accounting.Disclosure d : a.disclosures()) {
      b.append("<tr><td>")
          .append(esc(DATE.format(d.date())))
          .append(d.breakGlass() ? "<br><strong>Emergency access</strong>" : "")
          .append("</td><td>")
          .append(esc(name(d.recipientAgency(), d.recipientAgencyId())))
          .append("<br>")
          .append(esc(name(d.recipientMember(), d.recipientMemberId())))
          .append("</td><td>")
          .append(
              d.disclosed().stream()
                  .map(
                      f ->
                          esc(f.field())
                              + " ("
                              + esc(f.category())
                              + "), held by "
                              + esc(name(f.holderAgency(), f.holderAgencyId())))
                  .collect(Collectors.joining("<br>")))
          .append("</td><td>")
          .append(esc(d.purpose()))
          .append("</td><td>")
          .append(
              d.legalBasis().stream()
                  .map(AccountingDocument::basis)
                  .collect(Collectors.joining("<br>")))
          .append("</td></tr>\n");
    }
    return b.append("</tbody></table>\n</body></html>\n").toString();
  }

  private static String basis(Accounting.Basis basis) {
    StringBuilder s = new StringBuilder();
    if (basis.citation() != null) {
      s.append(esc(basis.citation()));
    }
    if (basis.ruleId() != null) {
      s.append(s.length() > 0 ? " " : "").append("[rule ").append(esc(basis.ruleId())).append(']');
    }
    if (basis.consentId() != null) {
      s.append("; consent ").append(esc(basis.consentId().toString()));
    }
    if (basis.exception() != null) {
      s.append("; exception ").append(esc(basis.exception()));
    }
    return s.toString();
  }

  private static String name(String name, Object id) {
    if (name != null) {
      return name;
    }
    return id == null ? "unknown" : id.toString();
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
