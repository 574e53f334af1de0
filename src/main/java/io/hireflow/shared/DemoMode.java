package io.hireflow.shared;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Whether the first start loads demo data: {@code hireflow.demo=true} or {@code false} decides; left unset
 * ({@code auto}), demo data comes with the embedded database and never with an external one.
 */
public final class DemoMode {

    private DemoMode() {
    }

    public static boolean requested(Environment environment) {
        String setting = environment.getProperty("hireflow.demo", "auto").strip();
        if (setting.isEmpty() || setting.equalsIgnoreCase("auto")) {
            return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        }
        return Boolean.parseBoolean(setting);
    }
}
