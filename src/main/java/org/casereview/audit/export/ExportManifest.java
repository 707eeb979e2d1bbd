package org.casereview.audit.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.TreeMap;
import org.casereview.audit.chain.ChainHasher;

/**
 * The signed statement that accompanies an export file: what was asked for, what the file holds and
 * the signed checkpoint it ends under. With the file and the task force's public key a third party
 * can check it offline ({@link OfflineExportVerifier}).
 *
 * @param format the file format id ({@link ExportFormat#id()})
 * @param formatVersion version of the line and manifest encodings
 * @param filters the criteria of the export, by name (empty: the whole chain up to the checkpoint)
 * @param count number of entries (lines, without the CSV header) in the file
 * @param firstPosition chain position of the first entry, null if none
 * @param lastPosition chain position of the last entry, null if none
 * @param chainHead hex chain hash at the checkpoint: the head the export was taken under
 * @param checkpoint the signed checkpoint the export ends under
 * @param sha256 hex SHA-256 of the file's bytes
 * @param createdAt ISO-8601 instant the export finished
 * @param keyId the key that signed this manifest
 * @param signature base64 Ed25519 signature over {@link #signedMessage()}
 */
@JsonPropertyOrder({
  "format",
  "formatVersion",
  "filters",
  "count",
  "firstPosition",
  "lastPosition",
  "chainHead",
  "checkpoint",
  "sha256",
  "createdAt",
  "keyId",
  "signature"
})
public record ExportManifest(
    String format,
    int formatVersion,
    Map<String, String> filters,
    long count,
    Long firstPosition,
    Long lastPosition,
    String chainHead,
    Checkpoint checkpoint,
    String sha256,
    String createdAt,
    String keyId,
    String signature) {

  public static final int FORMAT_VERSION = 1;

  public ExportManifest {
    filters = filters == null ? Map.of() : new TreeMap<>(filters);
  }

  /**
   * A signed checkpoint, as stored by the sealer.
   *
   * @param position chain position it covers
   * @param chainHead hex chain hash at that position
   * @param signedAtMicros signing time, microseconds since the epoch (what the signature covers)
   * @param signedAt the same instant in ISO-8601, for people
   * @param keyId the signing key
   * @param signature base64 Ed25519 signature over {@link ChainHasher#checkpointMessage}
   */
  @JsonPropertyOrder({"position", "chainHead", "signedAtMicros", "signedAt", "keyId", "signature"})
  public record Checkpoint(
      long position,
      String chainHead,
      long signedAtMicros,
      String signedAt,
      String keyId,
      String signature) {}

  /** The bytes the manifest signature covers: every field but the signature, length-prefixed. */
  public byte[] signedMessage() {
    ChainHasher.Encoder w = new ChainHasher.Encoder();
    w.text(ChainHasher.MANIFEST_TAG);
    w.text(format);
    w.number(formatVersion);
    w.number(filters.size());
    for (Map.Entry<String, String> f : new TreeMap<>(filters).entrySet()) {
      w.text(f.getKey());
      w.text(f.getValue());
    }
    w.number(count);
    w.text(firstPosition == null ? null : firstPosition.toString());
    w.text(lastPosition == null ? null : lastPosition.toString());
    w.text(chainHead);
    if (checkpoint == null) {
      w.text(null);
    } else {
      w.number(checkpoint.position());
      w.text(checkpoint.chainHead());
      w.number(checkpoint.signedAtMicros());
      w.text(checkpoint.keyId());
      w.text(checkpoint.signature());
    }
    w.text(sha256);
    w.text(createdAt);
    w.text(keyId);
    return w.toByteArray();
  }

  public ExportManifest withSignature(String keyId, String signature) {
    return new ExportManifest(
        format,
        formatVersion,
        filters,
        count,
        firstPosition,
        lastPosition,
        chainHead,
        checkpoint,
        sha256,
        createdAt,
        keyId,
        signature);
  }
}
