package org.casereview.crypto;

import java.time.Instant;

/** What may be known about a key-encryption key without its material. */
public record KeyEncryptionKeyInfo(String id, Instant createdAt) {}
