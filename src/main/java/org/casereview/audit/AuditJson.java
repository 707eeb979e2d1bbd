package org.casereview.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of the structured parts of an entry (roles, fields, details). The sealer hashes
 * the stored text byte for byte, so it must be produced the same way every time: compact,
 * properties in declared order, map keys sorted, nulls written. Independent of the CDI ObjectMapper
 * on purpose: a change to the HTTP JSON settings must not change stored entries.
 */
public final class AuditJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private AuditJson() {}

  /** The mapper used to write and to re-read entry JSON; callers must not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Only our own records, sets and maps of strings are written; this cannot carry input.
      throw new IllegalStateException("audit entry could not be serialised", e);
    }
  }
}
