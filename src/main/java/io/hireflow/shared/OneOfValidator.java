package io.hireflow.shared;

import java.util.Arrays;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link OneOf}: the message lists the names that are allowed. */
public class OneOfValidator implements ConstraintValidator<OneOf, String> {

    private Class<? extends Enum<?>> type;

    @Override
    public void initialize(OneOf annotation) {
        type = annotation.value();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || EnumNames.parse((Class) type, value) != null) {
            return true;
        }
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        context.disableDefaultConstraintViolation();
        // the names are plain capitals and underscores, so they can stand in the template as they are
        context.buildConstraintViolationWithTemplate("{validation.oneOf.prefix} " + allowed).addConstraintViolation();
        return false;
    }
}
