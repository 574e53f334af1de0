package io.hireflow.shared;

import java.util.Locale;

/** Reads enum constants from what people type: case, dashes and spaces do not matter. */
public final class EnumNames {

    private EnumNames() {
    }

    /** The constant a text names, or {@code null} when it names none. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
