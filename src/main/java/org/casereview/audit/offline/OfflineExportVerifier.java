package org.casereview.audit.offline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.casereview.audit.AuditJson;
import org.casereview.audit.chain.BreakKind;
import org.casereview.audit.chain.ChainHasher;
import org.casereview.audit.export.ExportFormat;
import org.casereview.audit.export.ExportLine;
import org.casereview.audit.export.ExportManifest;
import org.casereview.crypto.SignatureVerifier;

/**
 * Verifies an export file against its manifest and the task force's public key, with no database
 * and no service: what a third party runs. Checks, in order: the manifest's signature; the
 * checkpoint's signature; every line's chain hash (NDJSON and CSV); that lines are in chain order,
 * that consecutive lines link up, and that the last hash meets the signed checkpoint where it
 * reaches it; the count, first and last positions; and the SHA-256 of the file's bytes.
 */
public final class OfflineExportVerifier {

  private static final HexFormat HEX = HexFormat.of();
  private static final int MAX_PROBLEMS = 20;

  /**
   * @param intact true when no problem was found
   * @param entries lines read
   * @param problems what is wrong, first first (empty when intact)
   */
  public record Result(boolean intact, long entries, List<Problem> problems) {}

  /** One finding: its kind, the line (1-based, 0 for the file as a whole) and an explanation. */
  public record Problem(BreakKind kind, long line, String detail) {
    @Override
    public String toString() {
      return kind + (line > 0 ? " at line " + line : "") + ": " + detail;
    }
  }

  private final SignatureVerifier signatures;

  public OfflineExportVerifier(SignatureVerifier signatures) {
    this.signatures = signatures;
  }

  public Result verify(Path file, Path manifestFile, byte[] publicKeyX509) throws IOException {
    List<Problem> problems = new ArrayList<>();
    ExportManifest manifest;
    try {
      manifest = AuditJson.mapper().readValue(manifestFile.toFile(), ExportManifest.class);
    } catch (IOException e) {
      problems.add(new Problem(BreakKind.MODIFIED, 0, "manifest is not readable"));
      return new Result(false, 0, problems);
    }
    if (manifest.signature() == null
        || !signatures.verify(
            publicKeyX509, manifest.signedMessage(), decode64(manifest.signature()))) {
      problems.add(new Problem(BreakKind.BAD_SIGNATURE, 0, "manifest signature does not verify"));
    }
    ExportManifest.Checkpoint cp = manifest.checkpoint();
    byte[] checkpointHead = null;
    if (cp != null) {
      checkpointHead = decodeHex(cp.chainHead());
      byte[] message =
          ChainHasher.checkpointMessage(
              cp.position(), checkpointHead, cp.signedAtMicros(), cp.keyId());
      if (checkpointHead == null
          || !signatures.verify(publicKeyX509, message, decode64(cp.signature()))) {
        problems.add(
            new Problem(BreakKind.BAD_SIGNATURE, 0, "checkpoint signature does not verify"));
      }
      if (!cp.chainHead().equals(manifest.chainHead())) {
        problems.add(new Problem(BreakKind.MODIFIED, 0, "manifest head differs from checkpoint"));
      }
    }
    ExportFormat format;
    try {
      format = ExportFormat.fromId(manifest.format());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(BreakKind.MODIFIED, 0, "unknown export format"));
      return new Result(false, 0, problems);
    }

    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ChainHasher hasher = new ChainHasher();
    long lines = 0;
    Long first = null;
    long previousPosition = 0;
    byte[] previousHash = null;
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String text;
      boolean header = format == ExportFormat.CSV;
      long lineNumber = 0;
      while ((text = reader.readLine()) != null) {
        lineNumber++;
        if (header) {
          header = false;
          if (!text.equals(ExportLine.csvHeader().trim())) {
            add(problems, new Problem(BreakKind.MODIFIED, lineNumber, "CSV header changed"));
          }
          continue;
        }
        lines++;
        if (problems.size() >= MAX_PROBLEMS) {
          continue; // keep reading for the digest, stop collecting
        }
        long position;
        if (format == ExportFormat.FHIR_NDJSON) {
          position = fhirPosition(text);
          if (position < 0) {
            add(problems, new Problem(BreakKind.MODIFIED, lineNumber, "malformed line"));
            continue;
          }
        } else {
          ExportLine line;
          try {
            line =
                format == ExportFormat.CSV ? ExportLine.parseCsv(text) : ExportLine.parseJson(text);
          } catch (IllegalArgumentException e) {
            add(problems, new Problem(BreakKind.MODIFIED, lineNumber, "malformed line"));
            continue;
          }
          position = line.position();
          byte[] computed = hasher.link(line.previousHash(), position, line.entry());
          if (!MessageDigest.isEqual(computed, line.hash())) {
            add(
                problems,
                new Problem(
                    BreakKind.MODIFIED,
                    lineNumber,
                    "entry does not hash to its chain hash (position " + position + ")"));
          }
          if (previousHash != null
              && position == previousPosition + 1
              && !MessageDigest.isEqual(previousHash, line.previousHash())) {
            add(
                problems,
                new Problem(
                    BreakKind.MODIFIED,
                    lineNumber,
                    "does not link to the line before (position " + position + ")"));
          }
          if (cp != null
              && position == cp.position()
              && checkpointHead != null
              && !MessageDigest.isEqual(checkpointHead, line.hash())) {
            add(
                problems,
                new Problem(
                    BreakKind.MODIFIED,
                    lineNumber,
                    "chain hash differs from the signed checkpoint"));
          }
          if (manifest.filters().isEmpty()
              && previousHash != null
              && position > previousPosition + 1) {
            add(
                problems,
                new Problem(
                    BreakKind.MISSING,
                    lineNumber,
                    "positions "
                        + (previousPosition + 1)
                        + ".."
                        + (position - 1)
                        + " are missing from an unfiltered export"));
          }
          previousHash = line.hash();
        }
        if (position <= previousPosition) {
          add(
              problems,
              new Problem(
                  BreakKind.REORDERED,
                  lineNumber,
                  "position " + position + " after " + previousPosition));
        }
        if (cp != null && position > cp.position()) {
          add(
              problems,
              new Problem(BreakKind.INSERTED, lineNumber, "position beyond the signed checkpoint"));
        }
        if (first == null) {
          first = position;
        }
        previousPosition = Math.max(previousPosition, position);
      }
    }
    Long last = lines == 0 ? null : previousPosition;
    if (lines != manifest.count()) {
      add(
          problems,
          new Problem(
              lines < manifest.count() ? BreakKind.MISSING : BreakKind.INSERTED,
              0,
              "file has " + lines + " entries, manifest says " + manifest.count()));
    }
    if (!java.util.Objects.equals(first, manifest.firstPosition())
        || !java.util.Objects.equals(last, manifest.lastPosition())) {
      add(
          problems,
          new Problem(BreakKind.MISSING, 0, "first or last position differs from the manifest"));
    }
    if (manifest.filters().isEmpty()
        && cp != null
        && lines > 0
        && (last == null || last != cp.position())) {
      add(
          problems,
          new Problem(BreakKind.MISSING, 0, "unfiltered export does not reach its checkpoint"));
    }
    String digest = HEX.formatHex(sha256.digest());
    if (!digest.equals(manifest.sha256())) {
      add(
          problems,
          new Problem(BreakKind.MODIFIED, 0, "file bytes differ from the manifest digest"));
    }
    return new Result(problems.isEmpty(), lines, List.copyOf(problems));
  }

  private static void add(List<Problem> problems, Problem p) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(p);
    }
  }

  private static long fhirPosition(String text) {
    try {
      JsonNode n = AuditJson.mapper().readTree(text);
      for (JsonNode ext : n.path("extension")) {
        if (ext.path("url").asText().endsWith("/audit-chain-position")) {
          return Long.parseLong(ext.path("valueString").asText());
        }
      }
      return -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  private static byte[] decode64(String s) {
    try {
      return s == null ? new byte[0] : Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static byte[] decodeHex(String s) {
    try {
      return s == null ? null : HEX.parseHex(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Reads a public key file: PEM ("PUBLIC KEY"), the JSON of GET /api/v1/audit/public-key, or raw
   * DER. IOException when none of these.
   */
  public static byte[] readPublicKey(Path path) throws IOException {
    byte[] raw = Files.readAllBytes(path);
    String text = new String(raw, StandardCharsets.US_ASCII).trim();
    try {
      if (text.startsWith("-----BEGIN PUBLIC KEY-----")) {
        String body =
            text.replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
      }
      if (text.startsWith("{")) {
        JsonNode n = AuditJson.mapper().readTree(raw);
        return Base64.getDecoder().decode(n.path("x509Base64").asText());
      }
    } catch (IllegalArgumentException e) {
      throw new IOException("public key file is not valid");
    }
    return raw;
  }
}
