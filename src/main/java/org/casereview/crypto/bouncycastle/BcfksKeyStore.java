package org.casereview.crypto.bouncycastle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BCFKS key store file: key-encryption keys ({@code kek-N}, AES-256), the blind-index key
 * (HMAC-SHA256) and the audit signing key pair (Ed25519 with a self-signed certificate, which BCFKS
 * requires for a private key). Opened once at start and written only when a key is added; the keys
 * are then held in memory, so the file is never touched on the request path.
 *
 * <p>The file is created owner-only (0600) in an owner-only directory (0700), and replaced
 * atomically so a crash while adding a key never leaves a truncated key store.
 */
public final class BcfksKeyStore {

  static final String KEK_PREFIX = "kek-";
  static final String BLIND_INDEX_ALIAS = "blind-index-1";
  static final String SIGNING_ALIAS = "audit-signing-1";
  private static final String TYPE = "BCFKS";

  /** RFC 8410 id-Ed25519 (Bouncy Castle keeps its constant in an internal package). */
  private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");

  private final Provider provider = new BouncyCastleProvider();
  private final SecureRandom random = new SecureRandom();
  private final Path path;
  private final char[] passphrase;
  private final KeyStore keyStore;
  private volatile Map<String, KekEntry> keks;
  private SecretKey blindIndexKey;
  private KeyPair signingKeyPair;

  /** One key-encryption key as held in memory. */
  record KekEntry(String id, SecretKey key, Instant createdAt) {
    @Override
    public String toString() {
      return "KekEntry[id=" + id + ", createdAt=" + createdAt + "]";
    }
  }

  private BcfksKeyStore(Path path, char[] passphrase) {
    this.path = path;
    this.passphrase = passphrase.clone();
    try {
      this.keyStore = KeyStore.getInstance(TYPE, provider);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("BCFKS key stores are not available", e);
    }
  }

  /**
   * Opens the key store at {@code path}, creating it (and any missing key in it) on first run. A
   * wrong passphrase or a damaged file stops the start: nothing would decrypt anyway.
   */
  public static BcfksKeyStore openOrCreate(Path path, char[] passphrase) {
    BcfksKeyStore store = new BcfksKeyStore(path.toAbsolutePath(), passphrase);
    store.load();
    return store;
  }

  private synchronized void load() {
    try {
      boolean changed = false;
      if (Files.exists(path)) {
        try (InputStream in = Files.newInputStream(path)) {
          keyStore.load(in, passphrase);
        }
      } else {
        createOwnerOnlyDirectory(path.getParent());
        keyStore.load(null, null);
        changed = true;
      }
      if (kekAliases().isEmpty()) {
        addKekEntry(1);
        changed = true;
      }
      if (!keyStore.containsAlias(BLIND_INDEX_ALIAS)) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        keyStore.setKeyEntry(
            BLIND_INDEX_ALIAS, new SecretKeySpec(bytes, "HmacSHA256"), passphrase, null);
        changed = true;
      }
      if (!keyStore.containsAlias(SIGNING_ALIAS)) {
        addSigningEntry();
        changed = true;
      }
      if (changed) {
        save();
      }
      readIntoMemory();
    } catch (IOException | GeneralSecurityException e) {
      // The cause names the failing step (wrong passphrase, damaged file), never key material.
      throw new IllegalStateException("key store could not be opened", e);
    }
  }

  private void readIntoMemory() throws GeneralSecurityException {
    Map<String, KekEntry> loaded = new LinkedHashMap<>();
    for (String alias : kekAliases()) {
      Key key = keyStore.getKey(alias, passphrase);
      loaded.put(
          alias,
          new KekEntry(
              alias,
              new SecretKeySpec(key.getEncoded(), "AES"),
              keyStore.getCreationDate(alias).toInstant()));
    }
    keks = Collections.unmodifiableMap(loaded);
    blindIndexKey = (SecretKey) keyStore.getKey(BLIND_INDEX_ALIAS, passphrase);
    PrivateKey signingKey = (PrivateKey) keyStore.getKey(SIGNING_ALIAS, passphrase);
    PublicKey publicKey = keyStore.getCertificate(SIGNING_ALIAS).getPublicKey();
    signingKeyPair = new KeyPair(publicKey, signingKey);
  }

  /** KEK aliases, oldest (lowest number) first. */
  private List<String> kekAliases() throws GeneralSecurityException {
    List<String> aliases = new ArrayList<>();
    for (String alias : Collections.list(keyStore.aliases())) {
      if (alias.startsWith(KEK_PREFIX)) {
        aliases.add(alias);
      }
    }
    aliases.sort(Comparator.comparingInt(BcfksKeyStore::kekNumber));
    return aliases;
  }

  private static int kekNumber(String alias) {
    return Integer.parseInt(alias.substring(KEK_PREFIX.length()));
  }

  private String addKekEntry(int number) throws GeneralSecurityException {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256, random);
    String alias = KEK_PREFIX + number;
    keyStore.setKeyEntry(alias, generator.generateKey(), passphrase, null);
    return alias;
  }

  private void addSigningEntry() throws GeneralSecurityException, IOException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519", provider);
    KeyPair pair = generator.generateKeyPair();
    keyStore.setKeyEntry(
        SIGNING_ALIAS, pair.getPrivate(), passphrase, new Certificate[] {selfSigned(pair)});
  }

  /** A self-signed certificate built from bcprov alone (bcpkix is not on the class path). */
  private X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException, IOException {
    X500Name name = new X500Name("CN=MDT case review audit signing key");
    AlgorithmIdentifier ed25519 = new AlgorithmIdentifier(ID_ED25519);
    V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
    tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, random).add(BigInteger.ONE)));
    tbs.setIssuer(name);
    tbs.setSubject(name);
    Instant now = Instant.now();
    tbs.setStartDate(new Time(Date.from(now)));
    tbs.setEndDate(new Time(Date.from(now.plusSeconds(100L * 365 * 24 * 3600))));
    tbs.setSignature(ed25519);
    tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
    TBSCertificate certificate = tbs.generateTBSCertificate();
    Signature signer = Signature.getInstance("Ed25519", provider);
    signer.initSign(pair.getPrivate());
    signer.update(certificate.getEncoded(ASN1Encoding.DER));
    ASN1EncodableVector sequence = new ASN1EncodableVector();
    sequence.add(certificate);
    sequence.add(ed25519);
    sequence.add(new DERBitString(signer.sign()));
    byte[] der = new DERSequence(sequence).getEncoded(ASN1Encoding.DER);
    return (X509Certificate)
        CertificateFactory.getInstance("X.509", provider)
            .generateCertificate(new ByteArrayInputStream(der));
  }

  private void save() throws IOException, GeneralSecurityException {
    Path directory = path.getParent();
    FileAttribute<?> ownerOnly = posix() ? PosixFilePermissions.asFileAttribute(OWNER_FILE) : null;
    Path temporary =
        ownerOnly == null
            ? Files.createTempFile(directory, ".keys", ".tmp")
            : Files.createTempFile(directory, ".keys", ".tmp", ownerOnly);
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        keyStore.store(out, passphrase);
      }
      try {
        Files.move(
            temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    if (posix()) {
      Files.setPosixFilePermissions(path, OWNER_FILE);
    }
  }

  private static void createOwnerOnlyDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    if (posix()) {
      Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIR));
      // createDirectories applies the umask; make sure the leaf really is owner-only.
      Files.setPosixFilePermissions(directory, OWNER_DIR);
    } else {
      Files.createDirectories(directory);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** The key store file. */
  public Path path() {
    return path;
  }

  /** All key-encryption keys, oldest first. */
  Map<String, KekEntry> keks() {
    return keks;
  }

  /** Adds a new key-encryption key, writes the file and returns the new key's id. */
  synchronized KekEntry addKek() {
    try {
      List<String> aliases = kekAliases();
      int next = kekNumber(aliases.get(aliases.size() - 1)) + 1;
      String alias = addKekEntry(next);
      save();
      readIntoMemory();
      return keks.get(alias);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("key-encryption key could not be added", e);
    }
  }

  /** Deletes a key-encryption key from the file; never the last one. */
  synchronized void deleteKek(String kekId) {
    try {
      if (!keks.containsKey(kekId)) {
        return;
      }
      if (keks.size() == 1) {
        throw new IllegalStateException("the last key-encryption key cannot be deleted");
      }
      keyStore.deleteEntry(kekId);
      save();
      readIntoMemory();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("key-encryption key could not be deleted", e);
    }
  }

  SecretKey blindIndexKey() {
    return blindIndexKey;
  }

  KeyPair signingKeyPair() {
    return signingKeyPair;
  }

  Provider provider() {
    return provider;
  }

  @Override
  public String toString() {
    return "BcfksKeyStore[path=" + path + ", keks=" + keks.keySet() + "]";
  }
}
