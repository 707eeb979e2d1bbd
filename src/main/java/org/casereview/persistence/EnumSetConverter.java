package org.casereview.persistence;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of enum constants as a sorted, comma-separated column. */
public abstract class EnumSetConverter<E extends Enum<E>>
    implements AttributeConverter<Set<E>, String> {

  private final Class<E> type;

  protected EnumSetConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public String convertToDatabaseColumn(Set<E> values) {
    if (values == null || values.isEmpty()) {
      return "";
    }
    return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  @Override
  public Set<E> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return Collections.unmodifiableSet(EnumSet.noneOf(type));
    }
    EnumSet<E> set = EnumSet.noneOf(type);
    Arrays.stream(column.split(",")).map(s -> Enum.valueOf(type, s.trim())).forEach(set::add);
    return Collections.unmodifiableSet(set);
  }
}
