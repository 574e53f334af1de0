package io.hireflow.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A text field that names a constant of an enum, ignoring case, dashes and spaces ({@code full-time} names
 * {@code FULL_TIME}). Checked with the other constraints, so a request hears about every bad field at once.
 */
@Documented
@Constraint(validatedBy = OneOfValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "{validation.oneOf.prefix}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
