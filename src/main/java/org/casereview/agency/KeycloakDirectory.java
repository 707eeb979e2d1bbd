package org.casereview.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.casereview.api.ApiProblem;
import org.casereview.api.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The members' accounts in Keycloak, through its admin API: created with their agency and roles at
 * onboarding, disabled at offboarding. Failures of the identity provider are a 503 naming no detail
 * of the account.
 */
@ApplicationScoped
public class KeycloakDirectory {

  public static final String AGENCY_ATTRIBUTE = "agency_id";
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(KeycloakDirectory.class);

  @Inject Keycloak keycloak;

  @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
  String realm;

  /** Creates an enabled account with a temporary password; returns its subject id. */
  public String createUser(
      AgencyRequests.Onboard request, List<String> realmRoles, String temporaryPassword) {
    return call(
        () -> {
          RealmResource r = keycloak.realm(realm);
          UserRepresentation user = new UserRepresentation();
          user.setUsername(request.username());
          user.setFirstName(request.firstName());
          user.setLastName(request.lastName());
          user.setEmail(request.email());
          user.setEmailVerified(true);
          user.setEnabled(true);
          user.setAttributes(Map.of(AGENCY_ATTRIBUTE, List.of(request.agencyId().toString())));
          CredentialRepresentation password = new CredentialRepresentation();
          password.setType(CredentialRepresentation.PASSWORD);
          password.setValue(temporaryPassword);
          password.setTemporary(true);
          user.setCredentials(List.of(password));
          String id;
          try (Response response = r.users().create(user)) {
            if (response.getStatus() == 409) {
              throw new ApiProblem(ErrorCode.CONFLICT, "The username or email is already taken");
            }
            id = CreatedResponseUtil.getCreatedId(response);
          }
          List<RoleRepresentation> roles =
              realmRoles.stream().map(name -> r.roles().get(name).toRepresentation()).toList();
          r.users().get(id).roles().realmLevel().add(roles);
          return id;
        });
  }

  /** Disables the account: no new tokens; the service refuses existing ones by itself. */
  public void disable(String subject) {
    call(
        () -> {
          var user = keycloak.realm(realm).users().get(subject);
          UserRepresentation rep = user.toRepresentation();
          rep.setEnabled(false);
          user.update(rep);
          user.logout();
          return null;
        });
  }

  /** Removes an account created for an onboarding that could not complete. */
  public void delete(String subject) {
    call(
        () -> {
          try (Response ignored = keycloak.realm(realm).users().delete(subject)) {
            return null;
          }
        });
  }

  private static <T> T call(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (ApiProblem e) {
      throw e;
    } catch (ProcessingException | WebApplicationException e) {
      // Status and exception class only: Keycloak's messages can name the account.
      LOG.warnf(
          "Keycloak admin call failed: %s %s",
          e.getClass().getName(),
          e instanceof WebApplicationException w && w.getResponse() != null
              ? "HTTP " + w.getResponse().getStatus()
              : "");
      throw new ApiProblem(
          ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE,
          "The identity provider refused or could not be reached; nothing was changed there");
    } catch (RuntimeException e) {
      LOG.warnf("Keycloak admin call failed: %s", e.getClass().getName());
      throw new ApiProblem(
          ErrorCode.IDENTITY_PROVIDER_UNAVAILABLE, "The identity provider could not be reached");
    }
  }
}
