package io.hireflow.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.candidates.CandidateManagement;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.notifications.NotificationManagement;

/**
 * Sign-in by a one-time link: a random token is emailed (only its SHA-256 is stored), works once and only for a
 * while. Whether the email has any applications is never told to whoever asks: the answer is the same either way.
 */
@Service
class PortalSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CandidateManagement candidates;
    private final NotificationManagement notifications;
    private final IdentityManagement identity;
    private final PortalProperties properties;
    private final Clock clock;

    PortalSignIn(JdbcClient jdbc, CandidateManagement candidates, NotificationManagement notifications,
            IdentityManagement identity, PortalProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.candidates = candidates;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Emails a sign-in link to {@code email} if anyone with it has applied anywhere on the platform. {@code linkBase}
     * is the address the token is appended to.
     */
    @Transactional
    public void sendLink(String email, String language, String linkBase, String remoteAddress) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        var known = candidates.everywhere(address);
        if (known.isEmpty()) {
            return;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.linkValidity());
        String hash = hash(token);
        jdbc.sql("""
                insert into portal_sign_in (token_hash, email, created_at, expires_at, remote_address)
                values (?, ?, ?, ?, ?)""")
                .params(hash, address, Timestamp.from(now), Timestamp.from(expires), remoteAddress).update();
        jdbc.sql("delete from portal_sign_in where expires_at < ?")
                .param(Timestamp.from(now.minus(properties.sessionLength()))).update();
        // the time the link works until, as the first organization the candidate applied to tells time
        ZoneId zone = identity.organization(known.get(0).organizationId()).timeZone();
        notifications.sendPortalLink(known.get(0).email(), language, linkBase + token, expires, zone, hash);
    }

    /** The email a link was sent to, if the token is one of ours, unused and in time; it is used up either way. */
    @Transactional
    public Optional<String> redeem(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                update portal_sign_in set used_at = ?
                where token_hash = ? and used_at is null and expires_at > ?
                returning email""")
                .params(Timestamp.from(now), hash(token), Timestamp.from(now)).query(String.class).optional();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
