package io.hireflow.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.hireflow.candidates.Candidate;
import io.hireflow.candidates.CandidateId;
import io.hireflow.candidates.CandidateManagement;
import io.hireflow.identity.IdentityManagement;
import io.hireflow.identity.OrganizationView;
import io.hireflow.jobs.Job;
import io.hireflow.jobs.JobId;
import io.hireflow.jobs.JobManagement;
import io.hireflow.jobs.Stage;
import io.hireflow.jobs.StageId;
import io.hireflow.shared.Languages;
import io.hireflow.shared.OrganizationId;
import io.hireflow.shared.TransactionMemo;

/**
 * Gathers what a message about an application says: who the candidate is and in which language to write, the job,
 * the stages, and dates in the organization's time zone.
 */
@Component
class MessageContext {

    private static final DateTimeFormatter KOREAN_DATE = DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E)",
            Locale.KOREAN);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
            Locale.ENGLISH);
    private static final DateTimeFormatter KOREAN_TIME = DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E) HH:mm",
            Locale.KOREAN);
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm",
            Locale.ENGLISH);

    private final IdentityManagement identity;
    private final CandidateManagement candidates;
    private final JobManagement jobs;

    MessageContext(IdentityManagement identity, CandidateManagement candidates, JobManagement jobs) {
        this.identity = identity;
        this.candidates = candidates;
        this.jobs = jobs;
    }

    /** The recipient, the language and the values for a message about one application. */
    record Values(String recipient, String recipientName, String language, ZoneId zone, Map<String, String> values) {
    }

    /**
     * @param stage     the stage the message is about (passed, skipped, rejected in, or entered)
     * @param nextStage the stage the candidate goes on to, if any
     * @param current   the stage the application sits in now, with when it entered it, for the decision date
     */
    Values forApplication(OrganizationId organization, JobId jobId, CandidateId candidateId, StageId stage,
            StageId nextStage, StageId current, Instant enteredCurrent) {
        Candidate candidate = TransactionMemo.get(List.of("message-context/candidate", candidateId),
                () -> candidates.candidate(organization, candidateId));
        return forApplication(organization, jobId, candidate.name(), candidate.email(), candidate.language(), stage,
                nextStage, current, enteredCurrent);
    }

    /**
     * The same, when the candidate's name, address and language (null when not known) are already known.
     */
    Values forApplication(OrganizationId organization, JobId jobId, String candidateName, String candidateEmail,
            String candidateLanguage, StageId stage, StageId nextStage, StageId current, Instant enteredCurrent) {
        JobValues job = forJob(organization, jobId);
        String language = job.languageFor(candidateLanguage);
        return new Values(candidateEmail, candidateName, language, job.zone(),
                job.forApplication(candidateName, language, stage, nextStage, current, enteredCurrent));
    }

    /**
     * What every message about a job shares: the organization's default language and its zone, its name, the job's
     * title.
     */
    record JobValues(Job job, String language, ZoneId zone, Map<String, String> values) {

        /** The language to write to a candidate in: the one they applied in, else the organization's. */
        String languageFor(String candidateLanguage) {
            return candidateLanguage != null ? candidateLanguage : language;
        }

        /** The values of one application's message, in {@code language}. */
        Map<String, String> forApplication(String candidateName, String language, StageId stage, StageId nextStage,
                StageId current, Instant enteredCurrent) {
            Locale locale = Locale.forLanguageTag(language);
            Map<String, String> all = new HashMap<>(values);
            all.put("candidateName", candidateName);
            job.stage(stage).ifPresent(s -> all.put("stageName", s.candidateName(locale)));
            if (nextStage != null) {
                job.stage(nextStage).ifPresent(s -> all.put("nextStageName", s.candidateName(locale)));
            }
            job.stage(current).map(Stage::deadlineDays).ifPresent(days -> all.put("decisionDue",
                    date(enteredCurrent.plus(java.time.Duration.ofDays(days)), zone, language)));
            return all;
        }
    }

    /** Read once in a transaction that writes several messages about the job. */
    JobValues forJob(OrganizationId organization, JobId jobId) {
        return TransactionMemo.get(List.of("message-context/job", jobId), () -> {
            OrganizationView org = identity.organization(organization);
            Job job = jobs.job(organization, jobId);
            return new JobValues(job, Languages.of(org.defaultLocale()), org.timeZone(),
                    Map.of("jobTitle", job.title(), "organizationName", org.name()));
        });
    }

    static String date(Instant at, ZoneId zone, String language) {
        return ("ko".equals(language) ? KOREAN_DATE : ENGLISH_DATE).format(at.atZone(zone));
    }

    /** A date with its time of day, for what is valid only until a minute. */
    static String dateTime(Instant at, ZoneId zone, String language) {
        return ("ko".equals(language) ? KOREAN_TIME : ENGLISH_TIME).format(at.atZone(zone));
    }

    /** Values that show what a template looks like, for the editor's preview. */
    static Map<String, String> sample(String language) {
        boolean ko = "ko".equals(language);
        Map<String, String> values = new HashMap<>();
        values.put("candidateName", ko ? "정우진" : "Woojin Jung");
        values.put("jobTitle", "DevOps Engineer");
        values.put("organizationName", ko ? "무브온 모빌리티" : "MoveOn Mobility");
        values.put("stageName", ko ? "서류전형" : "Document screening");
        values.put("nextStageName", ko ? "과제전형" : "Assignment");
        values.put("decisionDue", ko ? "2026년 12월 8일 (화)" : "Tuesday 8 December 2026");
        values.put("newExpectedDate", ko ? "2026년 12월 11일 (금)" : "Friday 11 December 2026");
        values.put("assignmentTitle", ko ? "쿠버네티스 배포 파이프라인 구성" : "A Kubernetes deployment pipeline");
        values.put("assignmentLink", "https://example.com/assignment");
        values.put("submissionDeadline", ko ? "2026년 12월 11일 (금) 16:00" : "Friday 11 December 2026, 16:00");
        values.put("testTitle", ko ? "DevOps 기초 역량 테스트" : "DevOps fundamentals test");
        values.put("testLink", "https://careers.example.com/portal");
        values.put("testTimeLimit", "60");
        values.put("testOpensAt", ko ? "2026년 12월 9일 (수) 10:00" : "Wednesday 9 December 2026, 10:00");
        values.put("testClosesAt", ko ? "2026년 12월 11일 (금) 18:00" : "Friday 11 December 2026, 18:00");
        values.put("interviewSlots", ko ? "12월 15일 (화) 14:00, 12월 16일 (수) 10:00, 12월 16일 (수) 15:00"
                : "Tue 15 Dec 14:00, Wed 16 Dec 10:00, Wed 16 Dec 15:00");
        values.put("portalLink", "https://hireflow.example.com/portal");
        values.put("decision", ko ? "승인: 화상 면접으로 진행합니다" : "approved: the interview will be a video call");
        values.put("decisionNote", ko ? "화상 링크는 새 초대장에 있습니다." : "The link is in the updated invitation.");
        values.put("requestedFormat", "VIDEO");
        values.put("requestReason", ko ? "제주에 거주하고 있어 이동이 어렵습니다" : "I live on Jeju and cannot travel that week");
        values.put("panelRole", ko ? "그룹장" : "Group lead");
        values.put("kitLink", "https://hireflow.example.com/interviews/01234567/kit");
        values.put("cancelReason", ko ? "지원자 요청으로 다음 주로 변경" : "Moved to next week at the candidate's request");
        values.put("interviewTitle", ko ? "1차 기술면접" : "Technical interview");
        values.put("interviewTime", ko ? "2026년 12월 15일 (화) 14:00–15:30" : "Tuesday 15 December 2026, 14:00–15:30");
        values.put("interviewFormat", ko ? "대면" : "In person");
        values.put("interviewLocation", ko ? "서울 강남구 테헤란로 1, 5층 회의실" : "5F meeting room, 1 Teheran-ro, Seoul");
        values.put("offerExpiry", ko ? "2026년 12월 22일 (화)" : "Tuesday 22 December 2026");
        values.put("promise", ko ? "서류전형 결과 결정" : "a decision on Document screening");
        values.put("dueAt", ko ? "2026년 12월 8일 18:00" : "8 December 2026, 18:00");
        values.put("submittedAt", ko ? "2026년 12월 10일 (목) 21:40" : "Thursday 10 December 2026, 21:40");
        values.put("travelSupport", ko ? "이 면접에는 교통비를 지원합니다 (KTX/SRT 열차, 시외·고속버스; 편도 1회 150,000원까지, 영수증 필요). 면접 후 지원자 포털에서 청구해 주세요."
                : "Travel to this interview is supported (KTX/SRT train, intercity bus; up to KRW 150,000 a trip, receipts required). Claim it in the candidate portal.");
        values.put("claimTotal", ko ? "118,600원" : "KRW 118,600");
        values.put("rejectReason", ko ? "영수증의 날짜가 면접일과 맞지 않습니다" : "The receipt's date does not match the interview");
        values.put("paidOn", ko ? "2026년 12월 18일" : "18 December 2026");
        values.put("applicationLink", "https://hireflow.example.com/applications/0190f1e2-7c1a-7d2b-9a40-5b6c7d8e9f00");
        return values;
    }
}
