package org.casereview.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns failures into RFC 9457 problem+json. Details name fields and rules,
 * never submitted values: exception messages from parsers, validators and the database can echo
 * input, so they are not passed through.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response apiProblem(ApiProblem e, ContainerRequestContext request, UriInfo uri) {
    return respond(e.errorCode(), e.getMessage(), e.errors(), request, uri);
  }

  @ServerExceptionMapper
  public Response constraintViolation(
      ConstraintViolationException e, ContainerRequestContext request, UriInfo uri) {
    List<Problem.FieldError> malformedIds =
        e.getConstraintViolations().stream()
            .filter(v -> v.getConstraintDescriptor().getAnnotation() instanceof Uuid)
            .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .collect(Collectors.toList());
    if (!malformedIds.isEmpty()) {
      return respond(
          ErrorCode.MALFORMED_ID,
          "An identifier in the request is malformed",
          malformedIds,
          request,
          uri);
    }
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .collect(Collectors.toList());
    return respond(ErrorCode.VALIDATION_FAILED, "The request is not valid", errors, request, uri);
  }

  @ServerExceptionMapper
  public Response unknownProperty(
      UnrecognizedPropertyException e, ContainerRequestContext request, UriInfo uri) {
    return respond(
        ErrorCode.UNKNOWN_PROPERTY,
        "Unknown property in the request body",
        List.of(new Problem.FieldError(jsonPath(e), "unknown property")),
        request,
        uri);
  }

  @ServerExceptionMapper
  public Response wrongType(
      MismatchedInputException e, ContainerRequestContext request, UriInfo uri) {
    String path = jsonPath(e);
    String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
    return respond(
        ErrorCode.WRONG_TYPE,
        "A property has the wrong type",
        List.of(new Problem.FieldError(path.isEmpty() ? "$" : path, "expected " + expected)),
        request,
        uri);
  }

  @ServerExceptionMapper
  public Response malformedJson(
      JsonProcessingException e, ContainerRequestContext request, UriInfo uri) {
    if (e instanceof MismatchedInputException mismatch) {
      return wrongType(mismatch, request, uri);
    }
    return respond(
        ErrorCode.MALFORMED_JSON, "The request body is not valid JSON", List.of(), request, uri);
  }

  @ServerExceptionMapper
  public Response unauthenticated(
      UnauthorizedException e, ContainerRequestContext request, UriInfo uri) {
    return challenge(request, uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(
      AuthenticationFailedException e, ContainerRequestContext request, UriInfo uri) {
    return challenge(request, uri);
  }

  /** 401 with a Bearer challenge: the token is missing, expired, forged or for another realm. */
  private static Response challenge(ContainerRequestContext request, UriInfo uri) {
    return withChallenge(
        respond(
            ErrorCode.UNAUTHENTICATED,
            "A valid bearer token is required",
            List.of(),
            request,
            uri));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, ContainerRequestContext request, UriInfo uri) {
    return respond(
        ErrorCode.FORBIDDEN, "The caller's role does not allow this", List.of(), request, uri);
  }

  @ServerExceptionMapper
  public Response webApplication(
      WebApplicationException e, ContainerRequestContext request, UriInfo uri) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json) {
        return malformedJson(json, request, uri);
      }
      if (cause == cause.getCause()) {
        break;
      }
    }
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    ErrorCode code =
        switch (status) {
          case 400 -> ErrorCode.VALIDATION_FAILED;
          case 401 -> ErrorCode.UNAUTHENTICATED;
          case 403 -> ErrorCode.FORBIDDEN;
          case 404 -> ErrorCode.NOT_FOUND;
          case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
          case 406 -> ErrorCode.NOT_ACCEPTABLE;
          case 409 -> ErrorCode.CONFLICT;
          case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
          case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
          default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED;
        };
    if (code == ErrorCode.INTERNAL_ERROR) {
      logUnexpected(e, request);
    }
    Response response = respond(code, code.title(), List.of(), request, uri);
    return code == ErrorCode.UNAUTHENTICATED ? withChallenge(response) : response;
  }

  @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
  public Response unexpected(Throwable e, ContainerRequestContext request, UriInfo uri) {
    logUnexpected(e, request);
    return respond(
        ErrorCode.INTERNAL_ERROR,
        "The request could not be completed; nothing was disclosed",
        List.of(),
        request,
        uri);
  }

  static Response respond(
      ErrorCode code,
      String detail,
      List<Problem.FieldError> errors,
      ContainerRequestContext request,
      UriInfo uri) {
    String requestId = RequestId.of(request);
    return Response.status(code.status())
        .type(Problem.MEDIA_TYPE)
        .header(RequestId.HEADER, requestId)
        .entity(Problem.of(code, detail, uri.getPath(), requestId, errors))
        .build();
  }

  private static Response withChallenge(Response response) {
    return Response.fromResponse(response)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mdt\"")
        .build();
  }

  /**
   * Logs an unexpected failure without messages: exception messages may carry submitted values or
   * database contents. The class chain and the frames are enough to find the defect.
   */
  private static void logUnexpected(Throwable e, ContainerRequestContext request) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.append(chain.length() == 0 ? "" : " <- ").append(t.getClass().getName());
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, 8); i++) {
        chain.append("\n    at ").append(frames[i]);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    LOG.errorf(
        "Unexpected failure on %s %s (request %s): %s",
        request.getMethod(), request.getUriInfo().getPath(), RequestId.of(request), chain);
  }

  private static String fieldPath(ConstraintViolation<?> v) {
    // "create.request.youth.legalName" -> "youth.legalName": drop the method and parameter names
    String path = v.getPropertyPath().toString();
    String[] parts = path.split("\\.");
    if (parts.length > 2) {
      return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
    return parts[parts.length - 1];
  }

  private static String jsonPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      return "one of "
          + java.util.Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    return switch (type.getSimpleName()) {
      case "UUID" -> "a UUID";
      case "LocalDate" -> "a date (YYYY-MM-DD)";
      case "Instant", "OffsetDateTime" -> "a timestamp (RFC 3339)";
      case "String" -> "a string";
      case "Integer", "int", "Long", "long" -> "an integer";
      case "Boolean", "boolean" -> "a boolean";
      default -> java.util.Collection.class.isAssignableFrom(type) ? "an array" : "an object";
    };
  }
}
