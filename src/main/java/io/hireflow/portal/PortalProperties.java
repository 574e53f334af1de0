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
 * @param publicUrl               the address Hireflow is reached at (as {@code https://hireflow.example.com}), for the
 *                                links in the emails a candidate's request writes (their sign-in link, the reviewers'
 *                                email of a hand-in); blank takes the request's own address, which is what its
 *                                {@code Host} header says
 */
@ConfigurationProperties("hireflow.portal")
public record PortalProperties(
        @DefaultValue("15m") Duration linkValidity,
        @DefaultValue("1d") Duration sessionLength,
        @DefaultValue("5") int linksPerEmailPerHour,
        @DefaultValue("30") int linksPerAddressPerHour,
        @DefaultValue("") String publicUrl) {
}
