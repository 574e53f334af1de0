package io.hireflow.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The candidate portal's sign-in.
 *
 * @param linkValidity            how long an emailed sign-in link works (once)
 * @param sessionLength           how long a signed-in candidate stays signed in
 * @param linksPerEmailPerHour    sign-in links one email may ask for in an hour
 * @param linksPerAddressPerHour  sign-in links one network address may ask for in an hour
 */
@ConfigurationProperties("hireflow.portal")
public record PortalProperties(
        @DefaultValue("15m") Duration linkValidity,
        @DefaultValue("1d") Duration sessionLength,
        @DefaultValue("5") int linksPerEmailPerHour,
        @DefaultValue("30") int linksPerAddressPerHour) {
}
