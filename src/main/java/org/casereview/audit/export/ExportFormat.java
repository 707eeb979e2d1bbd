package org.casereview.audit.export;

/** Export file formats. */
public enum ExportFormat {
  /** One JSON entry per line, with its chain position and hashes: verifiable entry by entry. */
  NDJSON("ndjson", "application/x-ndjson", ".ndjson"),
  /** The same columns as CSV (RFC 4180), JSON columns as quoted text: verifiable entry by entry. */
  CSV("csv", "text/csv", ".csv"),
  /**
   * FHIR R4 AuditEvent resources, one per line, in the IHE Basic Audit Log Patterns shape, for
   * health-system auditors. Verifiable as a whole (manifest signature and file digest).
   */
  FHIR_NDJSON("fhir-ndjson", "application/fhir+ndjson", ".fhir.ndjson");

  private final String id;
  private final String mediaType;
  private final String extension;

  ExportFormat(String id, String mediaType, String extension) {
    this.id = id;
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String id() {
    return id;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** IllegalArgumentException for an unknown id. */
  public static ExportFormat fromId(String id) {
    for (ExportFormat f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown export format");
  }
}
