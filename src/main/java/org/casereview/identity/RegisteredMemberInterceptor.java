package org.casereview.identity;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Resolves the caller before the method runs; an unknown or offboarded member is refused. */
@RegisteredMember
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class RegisteredMemberInterceptor {

  @Inject CurrentCaller callers;

  @AroundInvoke
  Object requireMember(InvocationContext context) throws Exception {
    callers.get();
    return context.proceed();
  }
}
