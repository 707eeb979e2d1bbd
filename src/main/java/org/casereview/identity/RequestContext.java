package org.casereview.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** Per-request facts that are not the caller: the correlation id shared by response and audit. */
@RequestScoped
public class RequestContext {

  private String requestId;

  public String requestId() {
    if (requestId == null) {
      requestId = UUID.randomUUID().toString();
    }
    return requestId;
  }

  public void assign(String requestId) {
    this.requestId = requestId;
  }
}
