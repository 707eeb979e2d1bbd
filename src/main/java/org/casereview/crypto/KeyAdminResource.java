package org.casereview.crypto;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/**
 * Key administration for the administrator: KEK rotation and states, online re-wrap jobs, and one
 * subject's data-key rotation. Shredding a youth is a domain action and lives elsewhere. The
 * service keeps serving reads and writes while any of these runs.
 */
@Path("/api/v1/admin/keys")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@org.casereview.identity.RegisteredMember
public class KeyAdminResource {

  /** Body of a KEK state change. */
  public record StateChange(KekState state) {}

  /** A re-wrap job as just accepted. */
  public record JobAccepted(UUID jobId) {}

  /** Result of a subject's data-key rotation. */
  public record DataKeyRotation(UUID subjectId, int version) {}

  @Inject KeyEncryptionKeys keks;
  @Inject RewrapJobs rewrapJobs;
  @Inject SubjectKeys subjectKeys;

  @GET
  @Path("/kek")
  public List<KeyEncryptionKeys.KekView> listKeks() {
    return keks.list();
  }

  /** Creates a key-encryption key and makes it the primary; older ones still unwrap. */
  @POST
  @Path("/kek/rotate")
  public KeyEncryptionKeys.KekView rotateKek() {
    return keks.rotate();
  }

  /** PASSIVE (unwraps only) or DISABLED (unwraps nothing) for a non-primary key. */
  @PUT
  @Path("/kek/{kekId}/state")
  @Consumes(MediaType.APPLICATION_JSON)
  public KeyEncryptionKeys.KekView changeKekState(
      @PathParam("kekId") String kekId, StateChange change) {
    if (change == null || change.state() == null) {
      throw KeyAdminProblem.badRequest("kek-state-missing", "a state is required");
    }
    keks.setState(kekId, change.state());
    return keks.find(kekId)
        .orElseThrow(() -> KeyAdminProblem.notFound("kek-not-found", "no such key-encryption key"));
  }

  /** Deletes a disabled key-encryption key that no live data key depends on any more. */
  @DELETE
  @Path("/kek/{kekId}")
  public Response destroyKek(@PathParam("kekId") String kekId) {
    keks.destroy(kekId);
    return Response.noContent().build();
  }

  /** Starts moving every data key to the primary KEK; poll the returned job for progress. */
  @POST
  @Path("/rewrap-jobs")
  public Response startRewrap(@Context UriInfo uri) {
    UUID jobId = rewrapJobs.start();
    return Response.accepted(new JobAccepted(jobId))
        .location(uri.getAbsolutePathBuilder().path(jobId.toString()).build())
        .build();
  }

  @GET
  @Path("/rewrap-jobs/{jobId}")
  public RewrapJobs.Progress rewrapProgress(@PathParam("jobId") UUID jobId) {
    return rewrapJobs
        .progress(jobId)
        .orElseThrow(() -> KeyAdminProblem.notFound("rewrap-job-not-found", "no such job"));
  }

  /** Resumes a job that stopped on an error, from its last committed batch. */
  @POST
  @Path("/rewrap-jobs/{jobId}/resume")
  public Response resumeRewrap(@PathParam("jobId") UUID jobId) {
    if (!rewrapJobs.resumeInBackground(jobId)) {
      throw KeyAdminProblem.conflict("rewrap-job-not-running", "the job is not running");
    }
    return Response.accepted(new JobAccepted(jobId)).build();
  }

  /** A new data key for one subject; all of their fields are re-encrypted under it. */
  @POST
  @Path("/subjects/{subjectId}/rotate-data-key")
  public DataKeyRotation rotateDataKey(@PathParam("subjectId") UUID subjectId) {
    if (subjectKeys.isShredded(subjectId)) {
      throw KeyAdminProblem.conflict("subject-shredded", "the subject's data key was destroyed");
    }
    return new DataKeyRotation(subjectId, subjectKeys.rotateDataKey(subjectId));
  }
}
