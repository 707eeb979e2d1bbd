package org.casereview.subject;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.casereview.api.Ids;
import org.casereview.api.Uuid;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Erasure of a youth (crypto-shredding). */
@Path("/api/v1/subjects/{subjectId}/erase")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Youths")
public class SubjectResource {

  @Inject SubjectErasure erasure;

  /** Why the youth is erased: a code (court order, retention period ended...), no free text. */
  @Schema(name = "EraseRequest")
  public record Erase(@NotNull @Pattern(regexp = "[A-Z_]{3,40}") String reasonCode) {}

  /** The subjects whose data keys were destroyed. */
  @Schema(name = "Erased")
  public record Erased(List<UUID> subjectIds) {}

  @POST
  @RolesAllowed("admin")
  @Operation(
      summary = "Erase a youth: destroy their data keys (crypto-shredding)",
      description =
          "Every field of the youth, and of the other referrals linked to their cases, becomes"
              + " undecryptable everywhere, backups included once the key-encryption key that"
              + " wrapped the keys is retired. Ids, dates and audit entries remain. Audited.")
  public Erased erase(
      @PathParam("subjectId") @Uuid String subjectId, @NotNull @Valid Erase request) {
    return new Erased(erasure.erase(Ids.parse(subjectId, "subjectId"), request.reasonCode()));
  }
}
