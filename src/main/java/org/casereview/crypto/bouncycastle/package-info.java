/**
 * The Bouncy Castle side of the key hierarchy: the BCFKS key store (key-encryption keys, blind
 * index key, audit signing key), RFC 3394 key wrap and Ed25519. The only package allowed to import
 * {@code org.bouncycastle}; it registers no global JCA provider.
 */
package org.casereview.crypto.bouncycastle;
