package org.casereview.casefile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.casereview.identity.RegisteredMember;
import org.casereview.policy.DataCategory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The record types and their fields with each field's data category: what a client needs to offer a
 * form for a new record. Reference data of the service, no case data.
 */
@Path("/api/v1/record-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case records")
@RegisteredMember
public class RecordTypeResource {

  /** One record type as clients see it. */
  public record RecordTypeView(
      RecordType type, DataCategory existenceCategory, boolean freeForm, List<FieldView> fields) {}

  /** One field of a record type with the category that governs who may see it. */
  public record FieldView(String name, DataCategory category) {}

  @GET
  @RolesAllowed({"mdt-member", "case-coordinator"})
  @Operation(summary = "Record types, their fields and each field's data category")
  public List<RecordTypeView> list() {
    return Arrays.stream(RecordType.values())
        .map(
            type ->
                new RecordTypeView(
                    type,
                    type.existenceCategory(),
                    type.freeForm(),
                    type.fields().stream()
                        .map(f -> new FieldView(f.name(), f.category()))
                        .toList()))
        .toList();
  }
}
