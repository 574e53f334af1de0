package io.hireflow.assessments;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.StageKind;
import io.hireflow.shared.Actor;
import io.hireflow.shared.PublicAddress;
import io.hireflow.shared.ConflictException;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.PageRefusals;
import io.hireflow.shared.Role;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The online tests' pages: a job's tests with the form that builds one from the bank's topics; a test's results
 * (inviting the stage, the score distribution, the pass mark, each candidate's score); one candidate's answers, where
 * staff grade the essays.
 */
@Controller
class OnlineTestController {

    private final OnlineTests tests;
    private final QuestionBank bank;
    private final JobManagement jobs;
    private final PublicAddress publicAddress;

    OnlineTestController(OnlineTests tests, QuestionBank bank, JobManagement jobs, PublicAddress publicAddress) {
        this.tests = tests;
        this.bank = bank;
        this.jobs = jobs;
        this.publicAddress = publicAddress;
    }

    /** The form as typed: times in the organization's zone, and how many questions to draw from each topic. */
    record TestForm(UUID stageId, String title, String language, Integer timeLimitMinutes, LocalDateTime opensAt,
            LocalDateTime closesAt, Map<String, Integer> draws) {

        OnlineTests.Draft draft(ZoneId zone) {
            List<OnlineTests.Draw> random = new ArrayList<>();
            draws.forEach((topic, count) -> {
                if (count != null && count != 0) {
                    random.add(new OnlineTests.Draw(topic, count, null));
                }
            });
            return new OnlineTests.Draft(stageId, title, language, timeLimitMinutes,
                    opensAt == null ? null : opensAt.atZone(zone).toInstant(),
                    closesAt == null ? null : closesAt.atZone(zone).toInstant(), List.of(), random);
        }
    }

    @GetMapping("/jobs/{jobId}/online-tests")
    @PreAuthorize(Role.STAFF)
    String list(Actor actor, @PathVariable UUID jobId, Model page) {
        LocalDateTime now = LocalDateTime.now(actor.timeZone()).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        show(actor, jobId, new TestForm(null, null, "ko", 60, now, now.plusDays(3), Map.of()), page);
        return "assessments/online-tests";
    }

    @PostMapping("/jobs/{jobId}/online-tests")
    @PreAuthorize(Role.RECRUITING)
    String create(Actor actor, @PathVariable UUID jobId, @RequestParam(required = false) UUID stageId,
            @RequestParam(required = false) String title, @RequestParam(required = false) String language,
            @RequestParam(required = false) Integer timeLimitMinutes,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime opensAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime closesAt,
            @RequestParam Map<String, String> all,
            Model page, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, Integer> draws = new LinkedHashMap<>();
        Map<String, InvalidInputException.FieldProblem> problems = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (name.startsWith("draw.") && !value.isBlank()) {
                try {
                    draws.put(name.substring("draw.".length()), Integer.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    problems.putIfAbsent("randomByTopic", new InvalidInputException.FieldProblem("randomByTopic",
                            "validation.onlineTest.count", OnlineTests.MAX_QUESTIONS));
                }
            }
        });
        TestForm form = new TestForm(stageId, title, language, timeLimitMinutes, opensAt, closesAt, draws);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(List.copyOf(problems.values()));
            }
            OnlineTest test = tests.create(actor, new JobId(jobId), form.draft(actor.timeZone()));
            redirect.addFlashAttribute("notice", "onlineTests.created");
            return "redirect:/online-tests/" + test.id();
        } catch (InvalidInputException refusal) {
            // a draw's problems (randomByTopic[2].count) are shown beside the topics, all at once
            refusal.problems().forEach(problem -> problems.putIfAbsent(problem.field().replaceAll("\\[\\d+].*", ""),
                    problem));
            page.addAttribute("problems", problems);
            show(actor, jobId, form, page);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "assessments/online-tests";
        } catch (ConflictException refusal) {
            page.addAttribute("problem", refusal.code());
            page.addAttribute("problemArgs", new Object[0]);
            show(actor, jobId, form, page);
            response.setStatus(HttpStatus.CONFLICT.value());
            return "assessments/online-tests";
        }
    }

    private void show(Actor actor, UUID jobId, TestForm form, Model page) {
        Job job = jobs.job(actor.organizationId(), new JobId(jobId));
        page.addAttribute("job", job);
        page.addAttribute("tests", tests.tests(actor.organizationId(), job.id()));
        page.addAttribute("stages", job.stages().stream().filter(s -> s.kind() == StageKind.ONLINE_TEST).toList());
        page.addAttribute("topics", bank.topics(actor.organizationId()));
        page.addAttribute("form", form);
    }

    @GetMapping("/online-tests/{onlineTestId}")
    @PreAuthorize(Role.STAFF)
    String results(Actor actor, @PathVariable("onlineTestId") UUID testId, Model page) {
        OnlineTests.Results results = tests.results(actor.organizationId(), testId);
        page.addAttribute("results", results);
        page.addAttribute("job", jobs.job(actor.organizationId(), new JobId(results.test().jobId())));
        page.addAttribute("chart", Chart.of(results.distribution(), results.test().passMark()));
        return "assessments/online-test";
    }

    @PostMapping("/online-tests/{onlineTestId}/invitations")
    @PreAuthorize(Role.RECRUITING)
    String invite(Actor actor, @PathVariable("onlineTestId") UUID testId, RedirectAttributes redirect) {
        try {
            OnlineTests.Invitations invited = tests.invite(actor, testId, null, publicAddress.of("/portal"));
            redirect.addFlashAttribute("notice", "onlineTests.invited");
            redirect.addFlashAttribute("noticeArgs", new Object[] {invited.invited(), invited.alreadyInvited()});
        } catch (ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        }
        return "redirect:/online-tests/" + testId;
    }

    @PostMapping("/online-tests/{onlineTestId}/pass-mark")
    @PreAuthorize(Role.DECIDING)
    String passMark(Actor actor, @PathVariable("onlineTestId") UUID testId,
            @RequestParam(required = false) BigDecimal passMark,
            @RequestParam(defaultValue = "false") boolean announce, RedirectAttributes redirect) {
        try {
            OnlineTests.PassMarkOutcome outcome = tests.applyPassMark(actor, testId, passMark, null, announce);
            redirect.addFlashAttribute("notice", "onlineTests.moved");
            redirect.addFlashAttribute("noticeArgs", new Object[] {outcome.passed(), outcome.failed(),
                    outcome.notMoved().size()});
        } catch (InvalidInputException | ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        }
        return "redirect:/online-tests/" + testId;
    }

    @GetMapping("/online-tests/{onlineTestId}/sittings/{sittingId}")
    @PreAuthorize(Role.STAFF)
    String sitting(Actor actor, @PathVariable("onlineTestId") UUID testId, @PathVariable UUID sittingId, Model page) {
        OnlineTests.SittingDetail detail = tests.sitting(actor.organizationId(), testId, sittingId);
        page.addAttribute("detail", detail);
        page.addAttribute("job", jobs.job(actor.organizationId(), new JobId(detail.test().jobId())));
        return "assessments/sitting";
    }

    @PostMapping("/online-tests/{onlineTestId}/sittings/{sittingId}/essays/{position}")
    @PreAuthorize(Role.STAFF)
    String gradeEssay(Actor actor, @PathVariable("onlineTestId") UUID testId, @PathVariable UUID sittingId,
            @PathVariable Integer position, @RequestParam(required = false) BigDecimal points,
            RedirectAttributes redirect) {
        try {
            tests.gradeEssay(actor, testId, sittingId, position, points);
            redirect.addFlashAttribute("notice", "onlineTests.essayGraded");
        } catch (InvalidInputException | ConflictException refusal) {
            PageRefusals.flash(redirect, refusal);
        }
        return "redirect:/online-tests/" + testId + "/sittings/" + sittingId;
    }

    /**
     * The score distribution drawn as an SVG bar chart on the server (no script, so it also works where scripts do
     * not): one bar per tenth of the scale, its height by count, the pass mark as a line.
     */
    record Chart(int width, int height, List<Bar> bars, Integer passMarkX, int max) {

        record Bar(int x, int y, int width, int height, int count, String label, boolean passing) {
        }

        static final int WIDTH = 400;
        static final int HEIGHT = 160;
        static final int BASE = 140;

        static Chart of(List<OnlineTests.Bucket> buckets, BigDecimal passMark) {
            int max = Math.max(1, buckets.stream().mapToInt(OnlineTests.Bucket::count).max().orElse(0));
            int step = WIDTH / buckets.size();
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < buckets.size(); i++) {
                OnlineTests.Bucket bucket = buckets.get(i);
                int height = (int) Math.round(120.0 * bucket.count() / max);
                bars.add(new Bar(i * step + 2, BASE - height, step - 4, height, bucket.count(),
                        bucket.from() + "–" + bucket.to(), passMark != null
                                && BigDecimal.valueOf(bucket.from()).compareTo(passMark) >= 0));
            }
            Integer x = passMark == null ? null : passMark.multiply(BigDecimal.valueOf(WIDTH))
                    .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP).intValue();
            return new Chart(WIDTH, HEIGHT, bars, x, max);
        }
    }
}
