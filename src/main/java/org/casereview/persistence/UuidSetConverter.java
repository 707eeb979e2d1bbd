package org.casereview.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Stores a set of ids as a sorted, comma-separated column. */
@Converter
public class UuidSetConverter implements AttributeConverter<Set<UUID>, String> {

  @Override
  public String convertToDatabaseColumn(Set<UUID> ids) {
    return ids == null
        ? ""
        : ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
  }

  @Override
  public Set<UUID> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(column.split(","))
        .map(String::trim)
        .map(UUID::fromString)
        .collect(Collectors.toUnmodifiableSet());
  }
}
