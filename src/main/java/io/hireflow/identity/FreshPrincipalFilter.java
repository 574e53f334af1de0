package io.hireflow.identity;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rebuilds the session's user from the database on each request: disabling a user or changing their roles takes
 * effect on their next request, and a session older than the absolute time-out ends.
 */
class FreshPrincipalFilter extends OncePerRequestFilter {

    private final StaffAccounts accounts;
    private final SecurityProperties properties;
    private final Clock clock;

    FreshPrincipalFilter(StaffAccounts accounts, SecurityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            HttpSession session = request.getSession(false);
            boolean expired = session != null && clock.millis() - session.getCreationTime()
                    > properties.sessionAbsoluteTimeout().toMillis();
            var fresh = expired ? null : accounts.reload(principal.actor().userId()).orElse(null);
            var context = SecurityContextHolder.createEmptyContext();
            if (fresh == null) {
                if (session != null) {
                    session.invalidate();
                }
            } else {
                fresh.eraseCredentials();
                var current = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
                current.setDetails(authentication.getDetails());
                context.setAuthentication(current);
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
