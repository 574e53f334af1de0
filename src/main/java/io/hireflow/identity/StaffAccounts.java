package io.hireflow.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.Actor;
import io.hireflow.shared.OrganizationId;

/**
 * Staff accounts as the security layer needs them: loading for sign-in, reloading on every request, resolving API
 * tokens, and the sign-in log with its lock-out.
 *
 * <p>Lock-out: after {@value #FREE_FAILURES} failed sign-ins in a row an account pauses for one minute, doubling with
 * each further failure up to an hour. Every attempt is recorded with its IP address.
 */
@Component
class StaffAccounts implements UserDetailsService {

    static final int FREE_FAILURES = 5;
    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public StaffPrincipal loadUserByUsername(String email) {
        return jdbc.sql(PRINCIPAL_QUERY + " where lower(u.email) = lower(?)").param(email.strip())
                .query(this::principal).optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The current state of a signed-in user, or empty when the user is gone or disabled. */
    public Optional<StaffPrincipal> reload(UUID userId) {
        return jdbc.sql(PRINCIPAL_QUERY + " where u.id = ?").param(userId).query(this::principal).optional()
                .filter(StaffPrincipal::isEnabled);
    }

    /**
     * The user behind an API token, when the token is valid, not revoked, and its user enabled. Notes when the token
     * was last used, at most once a minute, so a busy integration does not write on every call.
     */
    public Optional<StaffPrincipal> byToken(String secret) {
        byte[] hash = IdentityManagement.hash(secret);
        Instant now = clock.instant();
        return jdbc.sql(PRINCIPAL_COLUMNS + """
                        , t.id as token_id, t.last_used_at
                        from staff_user u join organization o on o.id = u.organization_id
                        join api_token t on t.user_id = u.id
                        where t.token_hash = ? and t.revoked_at is null""")
                .param(hash)
                .query((rs, row) -> {
                    Timestamp lastUsed = rs.getTimestamp("last_used_at");
                    if (lastUsed == null || lastUsed.toInstant().isBefore(now.minusSeconds(60))) {
                        jdbc.sql("update api_token set last_used_at = ? where id = ?")
                                .params(Timestamp.from(now), rs.getObject("token_id", UUID.class)).update();
                    }
                    return principal(rs, row);
                })
                .optional()
                .filter(StaffPrincipal::isEnabled);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSuccess(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (!(authentication.getPrincipal() instanceof StaffPrincipal principal)) {
            return;
        }
        jdbc.sql("update staff_user set failed_sign_ins = 0, locked_until = null where id = ?")
                .param(principal.actor().userId()).update();
        record(principal.getUsername(), principal.actor().userId(), remoteIp(authentication), true);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        String email = String.valueOf(authentication.getName()).strip();
        UUID userId = null;
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            Instant now = clock.instant();
            userId = jdbc.sql("""
                    update staff_user set failed_sign_ins = failed_sign_ins + 1,
                        locked_until = case when failed_sign_ins + 1 >= :free
                            then cast(:now as timestamptz) + least(interval '1 minute' * power(2, failed_sign_ins + 1 - :free), interval '1 hour')
                            else locked_until end
                    where lower(email) = lower(:email)
                    returning id""")
                    .param("free", FREE_FAILURES).param("now", Timestamp.from(now))
                    .param("email", email)
                    .query(UUID.class).optional().orElse(null);
        }
        record(email, userId, remoteIp(authentication), false);
    }

    private void record(String email, UUID userId, String ip, boolean succeeded) {
        jdbc.sql("insert into sign_in_attempt (email, user_id, remote_ip, succeeded, at) values (?, ?, ?, ?, ?)")
                .params(email, userId, ip, succeeded, Timestamp.from(clock.instant())).update();
        log.info("Staff sign-in {} for {} from {}", succeeded ? "succeeded" : "failed", LogSafe.of(email), ip);
    }

    private static String remoteIp(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : null;
    }

    private static final String PRINCIPAL_COLUMNS = """
            select u.id, u.organization_id, u.email, u.display_name, u.password_hash, u.roles, u.enabled,
                   u.locked_until, coalesce(u.time_zone, o.time_zone) as time_zone""";
    private static final String PRINCIPAL_QUERY = PRINCIPAL_COLUMNS + """

            from staff_user u join organization o on o.id = u.organization_id""";

    private StaffPrincipal principal(ResultSet rs, int row) throws SQLException {
        Actor actor = new Actor(rs.getObject("id", UUID.class),
                new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("display_name"),
                IdentityManagement.roles(rs.getArray("roles")), ZoneId.of(rs.getString("time_zone")));
        Timestamp lockedUntil = rs.getTimestamp("locked_until");
        boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
        return new StaffPrincipal(actor, rs.getString("email"), rs.getString("password_hash"),
                rs.getBoolean("enabled"), locked);
    }
}
