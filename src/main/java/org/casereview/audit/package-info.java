/**
 * The append-only, tamper-evident disclosure log.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Every disclosure is recorded by {@link org.casereview.audit.AuditLog#record} in the same
 *       transaction as the read: no entry, no disclosure. Every refusal is recorded by {@link
 *       org.casereview.audit.AuditLog#recordRefusal} in its own transaction, so no rollback erases
 *       it.
 *   <li>Entries hold ids, categories, rule ids, citations and codes; never a field value, a name or
 *       a narrative. Event types are stored by their stable code, never by ordinal.
 *   <li>Nothing in the log is ever updated or deleted: the service role holds only INSERT and
 *       SELECT on the log tables, and triggers refuse UPDATE, DELETE and TRUNCATE for every role.
 *       The sealer appends links and checkpoints; it never rewrites an entry.
 *   <li>Only this package writes audit_entry, audit_chain_link, audit_checkpoint and
 *       audit_key_block.
 *   <li>Every sealed entry's chain hash is SHA-256 over the previous hash and the entry's
 *       length-prefixed canonical form ({@link org.casereview.audit.chain.ChainHasher}); any
 *       change, removal, insertion or reordering of a sealed entry is detected by verification, by
 *       the service or offline from an export and the public key alone.
 * </ul>
 *
 * <p>See docs/adr/0004-audit-sealing.md.
 */
package org.casereview.audit;
