package org.casereview.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of one disclosure: every requested field, disclosed or withheld, in order. */
public final class Disclosure {

  private final Map<String, DisclosedField> fields;

  Disclosure(Map<String, DisclosedField> fields) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public Map<String, DisclosedField> fields() {
    return fields;
  }

  public DisclosedField field(String name) {
    DisclosedField field = fields.get(name);
    if (field == null) {
      throw new IllegalArgumentException("field was not requested: " + name);
    }
    return field;
  }

  /** The disclosed value, or null when the field was withheld. */
  public String valueOf(String name) {
    DisclosedField field = field(name);
    return field.disclosed() ? field.value() : null;
  }

  @Override
  public String toString() {
    return "Disclosure" + fields.keySet();
  }
}
