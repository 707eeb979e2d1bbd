package org.casereview.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casereview.identity.RequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request a correlation id: the client's {@code X-Request-Id} when it is a plain token,
 * a fresh UUID otherwise. The id ties a response to its audit entry and its log lines.
 */
public class RequestId {

  public static final String HEADER = "X-Request-Id";
  private static final String PROPERTY = RequestId.class.getName();
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  @Inject RequestContext context;

  @ServerRequestFilter(preMatching = true)
  public void assign(ContainerRequestContext request) {
    String offered = request.getHeaderString(HEADER);
    String id = offered != null && SAFE.matcher(offered).matches() ? offered : newId();
    request.setProperty(PROPERTY, id);
    context.assign(id);
  }

  @ServerResponseFilter
  public void echo(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(HEADER, of(request));
  }

  /** The id of this request, assigning one if the filter has not run (e.g. early failures). */
  public static String of(ContainerRequestContext request) {
    Object id = request.getProperty(PROPERTY);
    if (id == null) {
      id = newId();
      request.setProperty(PROPERTY, id);
    }
    return id.toString();
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
