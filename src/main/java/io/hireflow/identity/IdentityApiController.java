package io.hireflow.identity;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.hireflow.shared.Actor;
import io.hireflow.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Organizations (for the operator), users (for admins) and personal API tokens (for everyone). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Organizations, users and API tokens")
class IdentityApiController {

    private final IdentityManagement identity;

    IdentityApiController(IdentityManagement identity) {
        this.identity = identity;
    }

    record TokenRequest(@NotBlank @Size(max = 100) String name) {
    }

    record TokenResponse(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
            String token) {

        static TokenResponse of(ApiTokenView view, String secret) {
            return new TokenResponse(view.id(), view.name(), view.prefix(), view.createdAt(), view.lastUsedAt(),
                    view.revokedAt(), secret);
        }
    }

    record OrganizationResponse(UUID id, String slug, String name, String defaultLocale, String timeZone) {

        static OrganizationResponse of(OrganizationView view) {
            return new OrganizationResponse(view.id().value(), view.slug(), view.name(),
                    view.defaultLocale().toLanguageTag(), view.timeZone().getId());
        }
    }

    record CreatedOrganization(UUID id, String slug, String name, String defaultLocale, String timeZone,
            UserResponse admin) {
    }

    record UserResponse(UUID id, String email, String name, Set<Role> roles, boolean enabled, Instant createdAt) {

        static UserResponse of(StaffUserView view) {
            return new UserResponse(view.id(), view.email(), view.displayName(), view.roles(), view.enabled(),
                    view.createdAt());
        }
    }

    record UpdateUserRequest(Set<Role> roles, Boolean enabled) {
    }

    @PostMapping("/tokens")
    @PreAuthorize("isAuthenticated()")
    @Operation(operationId = "createApiToken", summary = "Create a personal API token",
            description = "Takes HTTP Basic (email and password) or an existing token. The token is shown only in "
                    + "this response; store it now.",
            security = {@SecurityRequirement(name = "password"), @SecurityRequirement(name = "token")})
    ResponseEntity<TokenResponse> createToken(Actor actor, @Valid @RequestBody TokenRequest request) {
        IssuedToken issued = identity.createToken(actor, request.name());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(TokenResponse.of(issued.token(), issued.secret()));
    }

    @GetMapping("/tokens")
    @PreAuthorize("isAuthenticated()")
    @Operation(operationId = "listApiTokens", summary = "List your API tokens (without their secrets)")
    List<TokenResponse> tokens(Actor actor) {
        return identity.tokens(actor).stream().map(view -> TokenResponse.of(view, null)).toList();
    }

    @DeleteMapping("/tokens/{tokenId}")
    @PreAuthorize("isAuthenticated()")
    @Operation(operationId = "revokeApiToken", summary = "Revoke one of your API tokens; it stops working at once")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable UUID tokenId) {
        identity.revokeToken(actor, tokenId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/organizations")
    @PreAuthorize(Role.OPERATING)
    @Operation(operationId = "createOrganization", summary = "Create an organization and its first admin",
            description = "Platform operators only.")
    ResponseEntity<CreatedOrganization> createOrganization(@Valid @RequestBody CreateOrganization request) {
        OrganizationView organization = identity.createOrganization(request);
        StaffUserView admin = identity.users(organization.id()).get(0);
        var body = new CreatedOrganization(organization.id().value(), organization.slug(), organization.name(),
                organization.defaultLocale().toLanguageTag(), organization.timeZone().getId(), UserResponse.of(admin));
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organization.id())).body(body);
    }

    @GetMapping("/organizations")
    @PreAuthorize(Role.OPERATING)
    @Operation(operationId = "listOrganizations", summary = "List every organization on the platform")
    List<OrganizationResponse> organizations() {
        return identity.organizations().stream().map(OrganizationResponse::of).toList();
    }

    @PostMapping("/users")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "createUser", summary = "Add a user to your organization")
    ResponseEntity<UserResponse> createUser(Actor actor, @Valid @RequestBody CreateUser request) {
        StaffUserView user = identity.createUser(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserResponse.of(user));
    }

    @GetMapping("/users")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "listUsers", summary = "List the users of your organization")
    List<UserResponse> users(Actor actor) {
        return identity.users(actor.organizationId()).stream().map(UserResponse::of).toList();
    }

    @PatchMapping("/users/{userId}")
    @PreAuthorize(Role.ADMINISTRATING)
    @Operation(operationId = "updateUser", summary = "Change a user's roles or disable them",
            description = "Takes effect on the user's next request, including open sessions and API tokens.")
    UserResponse updateUser(Actor actor, @PathVariable UUID userId, @RequestBody UpdateUserRequest request) {
        StaffUserView user = identity.user(actor.organizationId(), userId);
        if (request.roles() != null) {
            user = identity.changeRoles(actor, userId, request.roles());
        }
        if (request.enabled() != null) {
            user = identity.setEnabled(actor, userId, request.enabled());
        }
        return UserResponse.of(user);
    }
}
