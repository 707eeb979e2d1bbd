package org.casereview.identity;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource: every call must come from a registered, active member whose token matches the
 * registry, even where the method itself never looks at the caller. This is what makes offboarding
 * immediate on every endpoint, not only on those that read case data.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RegisteredMember {}
