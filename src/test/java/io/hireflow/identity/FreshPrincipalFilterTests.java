package io.hireflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.hireflow.shared.Actor;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;

/** Each request sees the user as the database has them now, and a session ends when it is too old. */
class FreshPrincipalFilterTests {

    private final UUID userId = UUID.randomUUID();
    private final StaffAccounts accounts = mock(StaffAccounts.class);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void rolesChangedSinceSignInApplyToTheNextRequest() throws Exception {
        signedInAs(Set.of(Role.RECRUITER));
        when(accounts.reload(userId)).thenReturn(Optional.of(principal(Set.of(Role.INTERVIEWER))));
        var request = request();
        run(request, Clock.systemUTC());
        assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_INTERVIEWER");
    }

    @Test
    void aDisabledUsersSessionEnds() throws Exception {
        signedInAs(Set.of(Role.RECRUITER));
        when(accounts.reload(userId)).thenReturn(Optional.empty());
        var request = request();
        run(request, Clock.systemUTC());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(((MockHttpSession) request.getSession(false))).isNull();
    }

    @Test
    void aSessionEndsAfterTheAbsoluteTimeOutHoweverActive() throws Exception {
        signedInAs(Set.of(Role.RECRUITER));
        when(accounts.reload(userId)).thenReturn(Optional.of(principal(Set.of(Role.RECRUITER))));
        var young = request();
        run(young, Clock.offset(Clock.systemUTC(), Duration.ofHours(11)));
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNotNull();

        signedInAs(Set.of(Role.RECRUITER));
        var old = request();
        run(old, Clock.fixed(Instant.now().plus(Duration.ofHours(13)), ZoneOffset.UTC));
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(old.getSession(false)).isNull();
    }

    private void run(MockHttpServletRequest request, Clock clock) throws Exception {
        new FreshPrincipalFilter(accounts, new SecurityProperties(Duration.ofHours(12)), clock)
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }

    private MockHttpServletRequest request() {
        var request = new MockHttpServletRequest("GET", "/");
        request.setSession(new MockHttpSession());
        return request;
    }

    private void signedInAs(Set<Role> roles) {
        StaffPrincipal principal = principal(roles);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    private StaffPrincipal principal(Set<Role> roles) {
        return new StaffPrincipal(new Actor(userId, new OrganizationId(UUID.randomUUID()), "Kim", roles,
                ZoneId.of("Asia/Seoul")), "kim@example.com", "hash", true, false);
    }
}
