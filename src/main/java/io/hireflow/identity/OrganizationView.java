package io.hireflow.identity;

import java.time.ZoneId;
import java.util.Locale;

import io.hireflow.shared.OrganizationId;

/** An organization as others see it. */
public record OrganizationView(OrganizationId id, String slug, String name, Locale defaultLocale, ZoneId timeZone) {
}
