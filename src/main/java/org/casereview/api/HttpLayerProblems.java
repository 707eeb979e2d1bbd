package org.casereview.api;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses oversized bodies before anything reads them, with the same problem+json as every other
 * failure. The HTTP layer's own limit (quarkus.http.limits.max-body-size) stays as a backstop for
 * chunked bodies that announce no length.
 */
@Singleton
public class HttpLayerProblems {

  @ConfigProperty(name = "mdt.http.max-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::refuseOversized);
  }

  private void refuseOversized(RoutingContext ctx) {
    String declared = ctx.request().getHeader("Content-Length");
    long length;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      length = Long.MAX_VALUE;
    }
    if (length <= maxBodyBytes) {
      ctx.next();
      return;
    }
    String requestId = UUID.randomUUID().toString();
    Problem problem =
        Problem.of(
            ErrorCode.PAYLOAD_TOO_LARGE,
            "The request body is larger than the " + maxBodyBytes + " bytes the service accepts",
            ctx.normalizedPath(),
            requestId,
            List.of());
    ctx.response()
        .setStatusCode(413)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader(RequestId.HEADER, requestId)
        .putHeader("Connection", "close")
        .end(Json.encode(problem));
  }
}
