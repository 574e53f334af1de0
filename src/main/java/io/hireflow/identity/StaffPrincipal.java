package io.hireflow.identity;

import java.util.Collection;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.hireflow.shared.Actor;

/**
 * The authenticated staff user. Sessions keep it between requests, but it is rebuilt from the database on every
 * request, so a disabled user or a removed role takes effect at once.
 */
final class StaffPrincipal implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final String email;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    StaffPrincipal(Actor actor, String email, String passwordHash, boolean enabled, boolean locked) {
        this.actor = actor;
        this.email = email;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
