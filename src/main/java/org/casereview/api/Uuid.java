package org.casereview.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A path or query parameter that must be a UUID. Checked before the body is looked at, so a
 * malformed id is always answered with MALFORMED_ID.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Uuid.Validator.class)
public @interface Uuid {

  String message() default "must be a UUID";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Null passes: presence is another constraint's job. */
  class Validator implements ConstraintValidator<Uuid, String> {
    private static final Pattern UUID =
        Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isEmpty() || UUID.matcher(value).matches();
    }
  }
}
