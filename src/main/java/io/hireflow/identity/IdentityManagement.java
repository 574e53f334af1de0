package io.hireflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.shared.Actor;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.Ids;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.NotFoundException;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.Role;

/**
 * Organizations, their staff and API tokens. Every method acting for a user is scoped to that user's organization:
 * a user of another organization is reported as not found.
 *
 * <p>Publishes {@link OrganizationCreated} inside the transaction that creates an organization.
 */
@Service
public class IdentityManagement {

    static final String DEFAULT_TIME_ZONE = "Asia/Seoul";
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    IdentityManagement(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
    }

    // --- organizations -------------------------------------------------------------------------------------------

    /** Creates an organization with its first admin (the operator's job); refuses a taken slug or email with 409. */
    @Transactional
    public OrganizationView createOrganization(CreateOrganization command) {
        String locale = command.defaultLocale() == null ? "ko" : command.defaultLocale();
        String zone = command.timeZone() == null || command.timeZone().isBlank() ? DEFAULT_TIME_ZONE : command.timeZone();
        requireZone(zone);
        if (jdbc.sql("select exists(select 1 from organization where slug = ?)").param(command.slug())
                .query(Boolean.class).single()) {
            throw new ConflictException("error.organization.slugTaken", command.slug());
        }
        requireFreeEmail(command.adminEmail());
        OrganizationId id = new OrganizationId(Ids.newId());
        jdbc.sql("""
                insert into organization (id, slug, name, default_locale, time_zone, created_at)
                values (:id, :slug, :name, :locale, :zone, :now)""")
                .param("id", id.value()).param("slug", command.slug()).param("name", command.name().strip())
                .param("locale", locale).param("zone", zone).param("now", now())
                .update();
        String adminName = command.adminName() == null || command.adminName().isBlank()
                ? command.adminEmail() : command.adminName().strip();
        insertUser(id, command.adminEmail(), adminName, command.adminPassword(), EnumSet.of(Role.ADMIN));
        events.publishEvent(new OrganizationCreated(id, locale));
        return organization(id);
    }

    @Transactional(readOnly = true)
    public OrganizationView organization(OrganizationId id) {
        return jdbc.sql("select * from organization where id = ?").param(id.value())
                .query(IdentityManagement::organizationRow).optional()
                .orElseThrow(() -> new NotFoundException("organization"));
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationView> organizationBySlug(String slug) {
        return jdbc.sql("select * from organization where slug = ?").param(slug)
                .query(IdentityManagement::organizationRow).optional();
    }

    /** Every organization on the platform, for the operator. */
    @Transactional(readOnly = true)
    public List<OrganizationView> organizations() {
        return jdbc.sql("select * from organization order by name").query(IdentityManagement::organizationRow).list();
    }

    /** Renames the admin's organization or changes its language and time zone. */
    @Transactional
    public OrganizationView updateOrganization(Actor admin, String name, String defaultLocale, String timeZone) {
        requireZone(timeZone);
        jdbc.sql("""
                update organization set name = :name, default_locale = :locale, time_zone = :zone, version = version + 1
                where id = :id""")
                .param("name", name.strip()).param("locale", defaultLocale).param("zone", timeZone)
                .param("id", admin.organizationId().value())
                .update();
        return organization(admin.organizationId());
    }

    // --- staff ---------------------------------------------------------------------------------------------------

    /** Adds a user to the admin's organization. The operator role is the platform's and cannot be granted here. */
    @Transactional
    public StaffUserView createUser(Actor admin, CreateUser command) {
        requireOrganizationRoles(command.roles());
        requireFreeEmail(command.email());
        UUID id = insertUser(admin.organizationId(), command.email(), command.name().strip(), command.password(),
                command.roles());
        return user(admin.organizationId(), id);
    }

    @Transactional(readOnly = true)
    public List<StaffUserView> users(OrganizationId organization) {
        return jdbc.sql("select * from staff_user where organization_id = ? order by display_name, email")
                .param(organization.value()).query(IdentityManagement::userRow).list();
    }

    /** The organization's users among {@code ids}, in the same order as {@link #users(OrganizationId)}. */
    @Transactional(readOnly = true)
    public List<StaffUserView> users(OrganizationId organization, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from staff_user where organization_id = ? and id = any(?) order by display_name, email""")
                .params(organization.value(), ids.toArray(UUID[]::new)).query(IdentityManagement::userRow).list();
    }

    /**
     * Sets the user's own time zone (an id such as {@code America/Los_Angeles}); blank follows the organization's.
     * Refused (400) for an unknown zone. Takes effect on the next request.
     */
    @Transactional
    public void setOwnTimeZone(Actor actor, String timeZone) {
        String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
        if (zone != null) {
            requireZone(zone);
        }
        jdbc.sql("update staff_user set time_zone = ? where id = ? and organization_id = ?")
                .params(zone, actor.userId(), actor.organizationId().value()).update();
    }

    @Transactional(readOnly = true)
    public StaffUserView user(OrganizationId organization, UUID userId) {
        return jdbc.sql("select * from staff_user where organization_id = ? and id = ?")
                .param(organization.value()).param(userId)
                .query(IdentityManagement::userRow).optional()
                .orElseThrow(() -> new NotFoundException("user"));
    }

    /** Sets a user's roles; takes effect on the user's next request. An admin cannot remove their own admin role. */
    @Transactional
    public StaffUserView changeRoles(Actor admin, UUID userId, Set<Role> roles) {
        StaffUserView user = user(admin.organizationId(), userId);
        if (roles.isEmpty()) {
            throw new InvalidInputException("roles", "validation.roles.required");
        }
        requireOrganizationRoles(roles);
        if (user.id().equals(admin.userId()) && !roles.contains(Role.ADMIN)) {
            throw new ConflictException("error.user.ownAdminRole");
        }
        Set<Role> kept = EnumSet.copyOf(roles);
        if (user.roles().contains(Role.OPERATOR)) {
            kept.add(Role.OPERATOR);
        }
        jdbc.sql("update staff_user set roles = :roles, version = version + 1 where id = :id")
                .param("roles", roleNames(kept)).param("id", userId).update();
        return user(admin.organizationId(), userId);
    }

    /** Disables or enables a user; a disabled user's sessions and tokens stop working on their next request. */
    @Transactional
    public StaffUserView setEnabled(Actor admin, UUID userId, boolean enabled) {
        StaffUserView user = user(admin.organizationId(), userId);
        if (!enabled && user.id().equals(admin.userId())) {
            throw new ConflictException("error.user.disableSelf");
        }
        jdbc.sql("update staff_user set enabled = :enabled, failed_sign_ins = 0, locked_until = null, "
                        + "version = version + 1 where id = :id")
                .param("enabled", enabled).param("id", userId).update();
        return user(admin.organizationId(), userId);
    }

    // --- API tokens ----------------------------------------------------------------------------------------------

    /** Creates a personal API token for the actor. The secret is returned here once and stored only as a hash. */
    @Transactional
    public IssuedToken createToken(Actor actor, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "validation.required");
        }
        if (name.length() > 100) {
            throw new InvalidInputException("name", "validation.tooLong", 100);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "hf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into api_token (id, organization_id, user_id, name, token_hash, token_prefix, created_at)
                values (:id, :org, :user, :name, :hash, :prefix, :now)""")
                .param("id", id).param("org", actor.organizationId().value()).param("user", actor.userId())
                .param("name", name.strip()).param("hash", hash(secret)).param("prefix", secret.substring(0, 9))
                .param("now", now())
                .update();
        return new IssuedToken(token(actor, id), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> tokens(Actor actor) {
        return jdbc.sql("select * from api_token where user_id = ? order by created_at desc")
                .param(actor.userId()).query(IdentityManagement::tokenRow).list();
    }

    /** Revokes one of the actor's own tokens; the next request carrying it is refused. */
    @Transactional
    public ApiTokenView revokeToken(Actor actor, UUID tokenId) {
        token(actor, tokenId);
        jdbc.sql("update api_token set revoked_at = coalesce(revoked_at, :now) where id = :id")
                .param("now", now()).param("id", tokenId).update();
        return token(actor, tokenId);
    }

    private ApiTokenView token(Actor actor, UUID tokenId) {
        return jdbc.sql("select * from api_token where id = ? and user_id = ?").param(tokenId).param(actor.userId())
                .query(IdentityManagement::tokenRow).optional()
                .orElseThrow(() -> new NotFoundException("token"));
    }

    // --- platform start ------------------------------------------------------------------------------------------

    /** Whether the platform has no organization yet: the first start. */
    @Transactional(readOnly = true)
    public boolean platformIsEmpty() {
        return !jdbc.sql("select exists(select 1 from organization)").query(Boolean.class).single();
    }

    /**
     * Creates the first organization and its admin, who is also the platform operator. Serialised across app nodes by
     * an advisory lock; returns empty when another node (or an earlier start) already did it.
     */
    @Transactional
    public Optional<OrganizationView> initializePlatform(String organizationName, String slug, String adminEmail,
            String adminName, String adminPassword, String defaultLocale) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(7434590129)").query(Integer.class).single();
        if (!platformIsEmpty()) {
            return Optional.empty();
        }
        OrganizationView organization = createOrganization(new CreateOrganization(organizationName, slug, adminEmail,
                adminPassword, adminName, defaultLocale, DEFAULT_TIME_ZONE));
        jdbc.sql("update staff_user set roles = array_append(roles, 'OPERATOR') where lower(email) = lower(?)")
                .param(adminEmail).update();
        return Optional.of(organization);
    }

    /** Adds a user during the first start (demo data), without an acting admin. */
    @Transactional
    public StaffUserView seedUser(OrganizationId organization, String email, String name, String password,
            Set<Role> roles) {
        requireOrganizationRoles(roles);
        requireFreeEmail(email);
        return user(organization, insertUser(organization, email, name, password, roles));
    }

    // --- internals -----------------------------------------------------------------------------------------------

    private UUID insertUser(OrganizationId organization, String email, String name, String password, Set<Role> roles) {
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into staff_user (id, organization_id, email, display_name, password_hash, roles, created_at)
                values (:id, :org, :email, :name, :hash, :roles, :now)""")
                .param("id", id).param("org", organization.value()).param("email", email.strip())
                .param("name", name).param("hash", passwords.encode(password)).param("roles", roleNames(roles))
                .param("now", now())
                .update();
        return id;
    }

    private void requireFreeEmail(String email) {
        if (jdbc.sql("select exists(select 1 from staff_user where lower(email) = lower(?))").param(email.strip())
                .query(Boolean.class).single()) {
            throw new ConflictException("error.user.emailTaken", email);
        }
    }

    private static void requireOrganizationRoles(Set<Role> roles) {
        if (roles.contains(Role.OPERATOR)) {
            throw new InvalidInputException("roles", "validation.roles.operator");
        }
    }

    private static void requireZone(String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidInputException("timeZone", "validation.timeZone", String.valueOf(zone));
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static String[] roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toArray(String[]::new);
    }

    static Set<Role> roles(Array array) throws SQLException {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) name));
        }
        return roles;
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static OrganizationView organizationRow(ResultSet rs, int row) throws SQLException {
        return new OrganizationView(new OrganizationId(rs.getObject("id", UUID.class)), rs.getString("slug"),
                rs.getString("name"), Locale.forLanguageTag(rs.getString("default_locale")),
                ZoneId.of(rs.getString("time_zone")));
    }

    static StaffUserView userRow(ResultSet rs, int row) throws SQLException {
        return new StaffUserView(rs.getObject("id", UUID.class),
                new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("email"),
                rs.getString("display_name"), roles(rs.getArray("roles")), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("time_zone") == null ? null : ZoneId.of(rs.getString("time_zone")));
    }

    static ApiTokenView tokenRow(ResultSet rs, int row) throws SQLException {
        return new ApiTokenView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_prefix"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
