package io.hireflow.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where links in emails point: {@code HIREFLOW_PUBLIC_URL} (as {@code https://hireflow.example.com}), else the address
 * of the request being served. The request's address is what its {@code Host} header says, which the sender of the
 * request chooses; set {@code HIREFLOW_PUBLIC_URL} where that header is not fixed by a proxy in front.
 */
@Component
public class PublicAddress {

    private final String configured;

    PublicAddress(@Value("${hireflow.public-url:}") String configured) {
        String address = configured == null ? "" : configured.strip();
        this.configured = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
    }

    /** The address with {@code path} (starting with a slash) after it. */
    public String of(String path) {
        if (!configured.isEmpty()) {
            return configured + path;
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
