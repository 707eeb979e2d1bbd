/**
 * Field encryption, envelope keys, rotation, crypto-shredding and blind indexes.
 *
 * <p>Invariants: every confidential field value is sealed with AES-256-GCM under its subject's data
 * key, with associated data binding it to format version, table, column, row and subject, so a
 * ciphertext moved anywhere else does not open. Data keys exist outside memory only wrapped by a
 * key-encryption key; key-encryption keys never leave their {@link
 * org.casereview.crypto.KeyEncryptionKeyProvider}. Every failure to open says only "decryption
 * failed". No key material, plaintext or passphrase reaches a log line, an exception message or a
 * {@code toString()}. Only {@code org.casereview.crypto.bouncycastle} imports Bouncy Castle.
 */
package org.casereview.crypto;
