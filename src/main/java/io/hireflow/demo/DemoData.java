package io.hireflow.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.candidates.CandidateDetails;
import io.hireflow.identity.CreateOrganization;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.OrganizationView;
import io.hireflow.identity.PlatformBootstrap;
import io.hireflow.identity.StaffUserView;
import io.hireflow.jobs.CreateJob;
import io.hireflow.jobs.EmploymentType;
import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.JobPostings;
import io.hireflow.jobs.JobStatus;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.TeamRole;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.Transition;
import io.hireflow.pipeline.TransitionAction;
import io.hireflow.shared.Actor;
import io.hireflow.shared.DemoMode;
import io.hireflow.shared.Role;
import io.hireflow.shared.ShiftableClock;

/**
 * Loads the demo on the first start when demo data is requested (the embedded database's default). Everything goes
 * through the modules' public operations, at the past moments it happened, so the timelines are real timelines.
 * Runs in one transaction with the platform's first start: a failed load leaves nothing behind.
 */
@Component
@Order(1)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final PlatformBootstrap bootstrap;
    private final IdentityManagement identity;
    private final JobManagement jobs;
    private final JobPostings postings;
    private final PipelineManagement pipeline;
    private final Environment environment;
    private final Clock clock;

    DemoData(PlatformBootstrap bootstrap, IdentityManagement identity, JobManagement jobs, JobPostings postings,
            PipelineManagement pipeline, Environment environment, Clock clock) {
        this.bootstrap = bootstrap;
        this.identity = identity;
        this.jobs = jobs;
        this.postings = postings;
        this.pipeline = pipeline;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (DemoMode.requested(environment)) {
            load();
        }
    }

    @Transactional
    public void load() {
        bootstrap.initialize(DemoStory.MOBILITY.name(), DemoStory.MOBILITY.slug(), "ko").ifPresent(admin -> {
            long started = System.nanoTime();
            Instant now = clock.instant();
            StaffUserView adminUser = identity.users(admin.organization().id()).get(0);
            Organization mobility = populate(admin.organization(), adminUser, DemoStory.MOBILITY, admin.password(), now);
            OrganizationView bankView = identity.createOrganization(new CreateOrganization(DemoStory.BANK.name(),
                    DemoStory.BANK.slug(), DemoStory.BANK.adminEmail(), admin.password(), DemoStory.BANK.adminName(),
                    "ko", null));
            Organization bank = populate(bankView, identity.users(bankView.id()).get(0), DemoStory.BANK,
                    admin.password(), now);
            // the candidate of the story: in both companies' processes at once
            addStoryCandidate(mobility, bank, now);
            log.info("Demo data loaded in {} ms: organizations {} and {}; staff sign in with the admin password",
                    (System.nanoTime() - started) / 1_000_000, mobility.view().slug(), bank.view().slug());
        });
    }

    private record Organization(OrganizationView view, Actor recruiter, Actor hiringManager, Job job,
            DemoStory story) {
    }

    private Organization populate(OrganizationView organization, StaffUserView admin, DemoStory story,
            String password, Instant now) {
        Map<Role, Actor> staff = new EnumMap<>(Role.class);
        staff.put(Role.ADMIN, actor(admin, organization));
        List<UUID> interviewers = new ArrayList<>();
        UUID hiringManagerId = null;
        UUID recruiterId = null;
        for (DemoStory.Person person : story.staff()) {
            StaffUserView user = identity.seedUser(organization.id(), person.email(), person.name(), password,
                    Set.of(person.role()));
            staff.putIfAbsent(person.role(), actor(user, organization));
            switch (person.role()) {
                case RECRUITER -> recruiterId = user.id();
                case HIRING_MANAGER -> hiringManagerId = user.id();
                case INTERVIEWER -> interviewers.add(user.id());
                default -> { }
            }
        }
        Actor recruiter = staff.get(Role.RECRUITER);
        Instant opened = now.minus(Duration.ofDays(40));
        Job job = ShiftableClock.runAt(opened, () -> jobs.createJob(recruiter, new CreateJob(story.jobTitle(),
                story.team(), story.locations(), EmploymentType.FULL_TIME, story.description(), 2, JobStatus.OPEN,
                null, null)));
        Map<TeamRole, List<UUID>> team = new EnumMap<>(TeamRole.class);
        team.put(TeamRole.RECRUITER, List.of(recruiterId));
        team.put(TeamRole.HIRING_MANAGER, List.of(hiringManagerId));
        team.put(TeamRole.INTERVIEWER, interviewers);
        Job staffed = ShiftableClock.runAt(opened, () -> jobs.setHiringTeam(recruiter, job.id(), team));
        ShiftableClock.runAt(opened, () -> {
            postings.updateDetails(recruiter, job.id(), story.posting());
            return postings.publish(recruiter, job.id());
        });
        Organization result = new Organization(organization, recruiter, staff.get(Role.HIRING_MANAGER), staffed,
                story);
        Random random = new Random(story.slug().hashCode());
        List<String> names = story.candidateNames();
        for (int i = 0; i < names.size(); i++) {
            playOut(result, DemoStory.displayName(names.get(i)), DemoStory.email(names.get(i), i),
                    DemoStory.PATHS.get(i % DemoStory.PATHS.size()),
                    now.minus(Duration.ofDays(1 + random.nextInt(20))).minus(Duration.ofMinutes(random.nextInt(600))),
                    random);
        }
        return result;
    }

    private void addStoryCandidate(Organization mobility, Organization bank, Instant now) {
        DemoStory.Path mobilityPath = DemoStory.STORY_PATH;
        playOut(mobility, DemoStory.STORY_CANDIDATE, DemoStory.STORY_EMAIL, mobilityPath,
                now.minus(Duration.ofDays(30)), new Random(1));
        playOut(bank, DemoStory.STORY_CANDIDATE, DemoStory.STORY_EMAIL, DemoStory.STORY_BANK_PATH,
                now.minus(Duration.ofDays(28)), new Random(2));
    }

    /** Applies, then makes each step of the path a few days apart, as the people in the story would. */
    private void playOut(Organization organization, String name, String email, DemoStory.Path path, Instant applied,
            Random random) {
        Actor recruiter = organization.recruiter();
        var details = new CandidateDetails(name, email, DemoStory.phone(random), DemoStory.region(random),
                "https://github.com/" + email.substring(0, email.indexOf('@')), null, DemoStory.source(random),
                List.of());
        ApplicationView application = ShiftableClock.runAt(applied,
                () -> pipeline.createApplication(recruiter, organization.job().id(), details));
        Instant at = applied;
        long version = application.version();
        for (DemoStory.Step step : path.steps()) {
            at = officeHours(at.plus(Duration.ofHours(20 + random.nextInt(52))), random);
            if (at.isAfter(clock.instant().minus(Duration.ofHours(2)))) {
                at = clock.instant().minus(Duration.ofHours(2));
            }
            Actor actor = step.action() == TransitionAction.SKIP || step.action() == TransitionAction.REJECT
                    || step.action() == TransitionAction.HIRE ? organization.hiringManager() : recruiter;
            Stage target = step.toStage() == null ? null : organization.job().stages().get(step.toStage());
            Transition transition = new Transition(step.action(), target == null ? null : target.id().value(),
                    step.reasonCode(), step.reason(organization.story().korean()), version);
            ApplicationView moved = ShiftableClock.runAt(at,
                    () -> pipeline.transition(actor, application.id(), transition));
            version = moved.version();
        }
    }

    /** The same day between 9:00 and 18:00 in Seoul, when recruiters decide. */
    private static Instant officeHours(Instant at, Random random) {
        return at.atZone(SEOUL).withHour(9 + random.nextInt(9)).withMinute(random.nextInt(60)).toInstant();
    }

    private static Actor actor(StaffUserView user, OrganizationView organization) {
        return new Actor(user.id(), organization.id(), user.displayName(), EnumSet.copyOf(user.roles()),
                organization.timeZone());
    }
}
