package io.hireflow.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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

import io.hireflow.assessments.OnlineTest;
import io.hireflow.assessments.OnlineTests;
import io.hireflow.assessments.Question;
import io.hireflow.assessments.QuestionBank;
import io.hireflow.assessments.QuestionKind;
import io.hireflow.assessments.TestTaking;
import io.hireflow.candidates.CandidateDetails;
import io.hireflow.identity.CreateOrganization;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.OrganizationView;
import io.hireflow.identity.PlatformBootstrap;
import io.hireflow.identity.StaffUserView;
import io.hireflow.interviews.Interviews;
import io.hireflow.offers.Offer;
import io.hireflow.offers.Offers;
import io.hireflow.offers.SalaryBands;
import io.hireflow.jobs.CreateJob;
import io.hireflow.jobs.EmploymentType;
import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.JobPostings;
import io.hireflow.jobs.JobStatus;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageKind;
import io.hireflow.jobs.StagePlan;
import io.hireflow.jobs.TeamRole;
import io.hireflow.pipeline.ApplicationFilter;
import io.hireflow.pipeline.ApplicationStatus;
import io.hireflow.pipeline.ApplicationView;
import io.hireflow.pipeline.PipelineManagement;
import io.hireflow.pipeline.Transition;
import io.hireflow.pipeline.TransitionAction;
import io.hireflow.shared.Actor;
import io.hireflow.shared.DemoMode;
import io.hireflow.shared.OrganizationId;
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
    private final QuestionBank bank;
    private final OnlineTests tests;
    private final TestTaking taking;
    private final Interviews interviews;
    private final Offers offers;
    private final SalaryBands bands;
    private final Environment environment;
    private final Clock clock;

    DemoData(PlatformBootstrap bootstrap, IdentityManagement identity, JobManagement jobs, JobPostings postings,
            PipelineManagement pipeline, QuestionBank bank, OnlineTests tests, TestTaking taking,
            Interviews interviews, Offers offers, SalaryBands bands, Environment environment, Clock clock) {
        this.interviews = interviews;
        this.offers = offers;
        this.bands = bands;
        this.bank = bank;
        this.tests = tests;
        this.taking = taking;
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
            addInterviews(mobility, now);
            addOnlineTest(bank, now);
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
        ApplicationView story = playOut(mobility, DemoStory.STORY_CANDIDATE, DemoStory.STORY_EMAIL, mobilityPath,
                now.minus(Duration.ofDays(30)), new Random(1));
        addStoryOffer(mobility, story, now);
        playOut(bank, DemoStory.STORY_CANDIDATE, DemoStory.STORY_EMAIL, DemoStory.STORY_BANK_PATH,
                now.minus(Duration.ofDays(28)), new Random(2));
    }

    /** Applies, then makes each step of the path a few days apart, as the people in the story would. */
    private ApplicationView playOut(Organization organization, String name, String email, DemoStory.Path path,
            Instant applied, Random random) {
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
        return application;
    }

    /**
     * The story's negotiation so far: the job's band for a senior engineer, the head of engineering as the offers'
     * approver; version 1 sent four days ago, the candidate's counter on base salary and start date, and the
     * recruiter's version 2 above the band, waiting for the head of engineering.
     */
    private void addStoryOffer(Organization mobility, ApplicationView story, Instant now) {
        Actor recruiter = mobility.recruiter();
        OrganizationId organization = mobility.view().id();
        List<StaffUserView> users = identity.users(organization);
        Actor admin = actor(users.stream().filter(user -> user.roles().contains(Role.ADMIN)).findFirst()
                .orElseThrow(), mobility.view());
        UUID head = users.stream().filter(user -> user.email().startsWith("head.engineering@")).findFirst()
                .orElseThrow().id();
        Instant sent = officeHours(now.minus(Duration.ofDays(4)), new Random(3));
        LocalDate today = LocalDate.ofInstant(now, SEOUL);
        ShiftableClock.runAt(sent.minus(Duration.ofDays(1)), () -> {
            bands.setApprovers(admin, List.of(head));
            return bands.set(recruiter, mobility.job().id(), "시니어", 55_000_000L, 65_000_000L);
        });
        Offer offer = ShiftableClock.runAt(sent.minus(Duration.ofHours(2)), () -> offers.create(recruiter,
                story.id().value(), new Offers.Draft("시니어", mobility.job().title(), 62_000_000L, 3_000_000L, 10, 0,
                        null, today.plusDays(30), mobility.job().locations().get(0), "연 1회 성과 평가, 재택 주 2일",
                        today.plusDays(10), "면접에서 보여주신 장애 분석 경험이 인상 깊었습니다. 함께하고 싶습니다.")));
        ShiftableClock.runAt(sent, () -> offers.send(recruiter, offer.id()));
        ShiftableClock.runAt(sent.plus(Duration.ofDays(1)), () -> offers.counter(DemoStory.STORY_EMAIL, offer.id(),
                1, new Offers.Draft(null, null, 70_000_000L, null, null, null, null, today.plusDays(44), null, null,
                        null, "현재 연봉과 이직으로 포기하는 성과급을 고려해 기본 연봉 7,000만 원을 희망합니다. 인수인계 때문에 "
                                + "입사일을 2주 늦춰 주시면 좋겠습니다.")));
        ShiftableClock.runAt(sent.plus(Duration.ofDays(2)), () -> offers.propose(recruiter, offer.id(),
                new Offers.Draft(null, null, 66_000_000L, 5_000_000L, null, null, null, today.plusDays(44), null,
                        null, null, "7,000만 원은 어렵지만 기본 연봉 6,600만 원에 입사 보너스 500만 원으로 제안드립니다. "
                                + "입사일은 말씀하신 대로 맞추겠습니다.")));
    }

    /**
     * The mobility company's interviews, as the story has them: the technical interview (90 minutes, in person, the
     * group lead and the team lead) and the culture-fit interview (the head of engineering and HR): candidates now in
     * those stages have theirs scheduled in the coming days.
     */
    private void addInterviews(Organization organization, Instant now) {
        Actor recruiter = organization.recruiter();
        Map<String, UUID> staff = new java.util.HashMap<>();
        identity.users(organization.view().id()).forEach(user -> staff.put(user.email(), user.id()));
        List<Interviews.PanelDraft> technical = List.of(
                new Interviews.PanelDraft(staff.get("group.lead@moveon.example"), "그룹장"),
                new Interviews.PanelDraft(staff.get("team.lead@moveon.example"), "팀장"));
        List<Interviews.PanelDraft> cultureFit = List.of(
                new Interviews.PanelDraft(staff.get("head.engineering@moveon.example"), "개발본부장"),
                new Interviews.PanelDraft(staff.get("hr.partner@moveon.example"), "HR"));
        String place = "서울 성동구 성수이로 본사 3층 대회의실";
        List<Stage> interviewStages = organization.job().stages().stream()
                .filter(stage -> stage.kind() == StageKind.INTERVIEW).toList();
        String baseUrl = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        Instant day = now.plus(Duration.ofDays(2)).atZone(SEOUL).truncatedTo(ChronoUnit.DAYS).withHour(10)
                .toInstant();
        int slot = 0;
        for (int i = 0; i < interviewStages.size(); i++) {
            Stage stage = interviewStages.get(i);
            boolean first = i == 0;
            for (ApplicationView application : pipeline.applications(organization.view().id(),
                    new ApplicationFilter(organization.job().id(), stage.id(), ApplicationStatus.ACTIVE, null), null,
                    50).items()) {
                Instant at = day.plus(Duration.ofDays(slot / 3)).plus(Duration.ofHours(2L * (slot % 3)));
                slot++;
                interviews.schedule(recruiter, application.id().value(), new Interviews.Draft(
                        first ? "1차 기술면접" : "2차 컬처핏 면접", first ? "TECHNICAL" : "CULTURE_FIT",
                        first ? 90 : 60, "IN_PERSON", place, null, at, List.of(), first ? technical : cultureFit),
                        baseUrl);
            }
        }
    }

    /**
     * The bank's new-graduate job: two dozen applicants passed screening and were invited to a 40-minute online test
     * whose window closed yesterday. Most took it, each answering as well as their own skill allows (some right, some
     * wrong), two ran out of time, two never started; the results are graded and wait for the pass mark.
     */
    private void addOnlineTest(Organization organization, Instant now) {
        Actor recruiter = organization.recruiter();
        Instant opened = now.minus(Duration.ofDays(14));
        Job job = ShiftableClock.runAt(opened, () -> jobs.createJob(recruiter, new CreateJob(DemoStory.TEST_JOB_TITLE,
                organization.story().team(), organization.story().locations(), EmploymentType.FULL_TIME,
                DemoStory.TEST_JOB_DESCRIPTION, 5, JobStatus.OPEN, null, List.of(
                        new StagePlan(null, "서류전형", StageKind.REVIEW, null, null, 7),
                        new StagePlan(null, "온라인 직무테스트", StageKind.ONLINE_TEST, null, null, 7),
                        new StagePlan(null, "면접", StageKind.INTERVIEW, null, null, 7),
                        new StagePlan(null, "처우 협의", StageKind.OFFER, null, null, null),
                        new StagePlan(null, "최종 합격", StageKind.HIRED, null, null, null)))));
        Instant windowOpens = officeHours(now.minus(Duration.ofDays(4)), new Random(3)).truncatedTo(ChronoUnit.HOURS);
        Instant windowCloses = windowOpens.plus(Duration.ofDays(3));
        List<UUID> questions = bank.questions(organization.view().id(), null, "ko", null, 200).stream()
                .filter(question -> question.kind() != QuestionKind.ESSAY).limit(12).map(Question::id).toList();
        OnlineTest test = ShiftableClock.runAt(windowOpens.minus(Duration.ofDays(1)), () -> tests.create(recruiter,
                job.id(), new OnlineTests.Draft(job.stages().get(1).id().value(), "클라우드 기초 역량 테스트", "ko", 40,
                        windowOpens, windowCloses, questions.stream().map(id -> new OnlineTests.Pick(id, null))
                        .toList(), List.of())));
        Random random = new Random(4);
        List<String> takers = DemoStory.testTakers();
        List<String> emails = new ArrayList<>();
        List<UUID> applications = new ArrayList<>();
        for (int i = 0; i < takers.size(); i++) {
            String email = DemoStory.email(takers.get(i), i);
            emails.add(email);
            var details = new CandidateDetails(DemoStory.displayName(takers.get(i)), email, DemoStory.phone(random),
                    DemoStory.region(random), null, null, DemoStory.source(random), List.of());
            ApplicationView applied = ShiftableClock.runAt(opened.plus(Duration.ofHours(2 + random.nextInt(100))),
                    () -> pipeline.createApplication(recruiter, job.id(), details));
            ShiftableClock.runAt(windowOpens.minus(Duration.ofDays(2)), () -> pipeline.transition(recruiter,
                    applied.id(), new Transition(TransitionAction.ADVANCE, null, null, null, applied.version())));
            applications.add(applied.id().value());
        }
        String portal = "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/portal";
        ShiftableClock.runAt(windowOpens, () -> tests.invite(recruiter, test.id(), null, portal));
        for (int i = 0; i < emails.size(); i++) {
            String email = emails.get(i);
            if (i % 12 == 11) {
                continue; // never started
            }
            TestTaking.Invitation invitation = taking.invitation(organization.view().id(), applications.get(i))
                    .orElseThrow();
            Instant start = windowOpens.plus(Duration.ofMinutes(30 + random.nextInt(60 * 60)));
            ShiftableClock.runAt(start, () -> taking.start(email, invitation.sittingId()));
            double skill = 0.3 + random.nextDouble() * 0.65;
            boolean runsOut = i % 12 == 5;
            List<OnlineTest.TestQuestion> paper = test.questions();
            Instant at = start;
            for (OnlineTest.TestQuestion question : runsOut ? paper.subList(0, paper.size() / 2) : paper) {
                at = at.plus(Duration.ofSeconds(40 + random.nextInt(150)));
                List<String> answer = random.nextDouble() < skill ? rightAnswer(question) : wrongAnswer(question);
                ShiftableClock.runAt(at, () -> taking.save(email, invitation.sittingId(), question.position(),
                        answer));
            }
            if (!runsOut) {
                ShiftableClock.runAt(at.plus(Duration.ofMinutes(1)), () -> taking.submit(email,
                        invitation.sittingId()));
            }
        }
        tests.grade(organization.view().id(), test.id());
    }

    private static List<String> rightAnswer(OnlineTest.TestQuestion question) {
        return question.kind() == QuestionKind.SHORT_ANSWER ? List.of(question.acceptedAnswers().get(0))
                : question.correct();
    }

    private static List<String> wrongAnswer(OnlineTest.TestQuestion question) {
        if (question.kind() == QuestionKind.SHORT_ANSWER) {
            return List.of("모르겠습니다");
        }
        return question.choices().stream().filter(choice -> !question.correct().contains(choice)).limit(1).toList();
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
