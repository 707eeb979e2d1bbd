package org.casereview.consent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casereview.policy.ConsentForm;
import org.casereview.policy.DataCategory;
import org.casereview.policy.GrantorKind;
import org.casereview.policy.Purpose;
import org.casereview.policy.Sector;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent as the recording member submits it. Checked against the pack's consent rules. */
@Schema(name = "ConsentRequest")
public record ConsentRequest(
    @NotEmpty Set<@NotNull DataCategory> categories,
    @Size(max = 100) Set<@NotNull UUID> recipientAgencyIds,
    @Size(max = 20) Set<@NotNull Sector> recipientSectors,
    @NotEmpty Set<@NotNull Purpose> purposes,
    Instant validFrom,
    Instant validUntil,
    ConsentForm form,
    @NotEmpty @Size(max = 5) List<@Valid @NotNull GrantorEntry> grantors,
    boolean namesPsychotherapyNotes,
    @NotNull
        @Pattern(regexp = "[0-9a-f]{64}")
        @Schema(
            description =
                "SHA-256 (hex) of the signed consent document kept by the recording agency")
        String documentSha256,
    @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,40}") @Schema(example = "mdt-consent-2026.1")
        String termsVersion) {

  /** Who signs: a kind of grantor, and whether that person is a suspected abuser. */
  @Schema(name = "Grantor")
  public record GrantorEntry(@NotNull GrantorKind kind, boolean suspectedAbuser) {}
}
