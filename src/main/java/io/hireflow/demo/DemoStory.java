package io.hireflow.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.hireflow.jobs.PostingDetails;
import io.hireflow.pipeline.TransitionAction;
import io.hireflow.shared.Role;

/**
 * The people and processes of the demo, after the hiring story Hireflow comes from: a mobility company and a bank
 * hiring DevOps engineers, and one candidate in both processes at once. This is sample data, not interface text.
 */
record DemoStory(String name, String slug, String adminEmail, String adminName, List<Person> staff, String jobTitle,
        String team, List<String> locations, String description, List<String> candidateNames, boolean korean,
        PostingDetails posting) {

    // the candidates' names, declared before the organizations that take them
    private static final String[] ROSTER = {
            "김민준:minjun.kim", "이서윤:seoyun.lee", "박도윤:doyun.park", "최지우:jiwoo.choi", "정하준:hajun.jung",
            "강서연:seoyeon.kang", "조은우:eunwoo.cho", "윤지호:jiho.yoon", "장수아:sua.jang", "임시우:siwoo.lim",
            "한예준:yejun.han", "오하은:haeun.oh", "서지안:jian.seo", "신유나:yuna.shin", "권도현:dohyun.kwon",
            "황채원:chaewon.hwang", "안주원:juwon.ahn", "송다은:daeun.song", "류건우:gunwoo.ryu", "전소율:soyul.jeon",
            "Daniel Kim:daniel.kim", "Emily Park:emily.park", "James Lee:james.lee", "Sophie Martin:sophie.martin",
            "홍지환:jihwan.hong", "고나윤:nayun.ko", "문승현:seunghyun.moon", "양하린:harin.yang", "손준서:junseo.son",
            "배지민:jimin.bae", "백서준:seojun.baek", "허수빈:subin.heo", "유태윤:taeyun.yoo", "남가은:gaeun.nam",
            "심우진:woojin.shim", "노예린:yerin.noh", "하은호:eunho.ha", "곽민서:minseo.kwak", "Lucas Schmidt:lucas.schmidt",
            "Aiko Tanaka:aiko.tanaka", "김태희:taehee.kim", "이준호:junho.lee", "박서진:seojin.park", "최윤아:yuna.choi",
            "정민재:minjae.jung", "강지훈:jihoon.kang", "조아라:ara.cho", "윤성민:sungmin.yoon", "장하늘:haneul.jang",
            "임도희:dohee.lim", "한결:gyeol.han", "오세훈:sehoon.oh", "서민아:mina.seo", "신재현:jaehyun.shin",
            "권나래:narae.kwon", "황보영:boyoung.hwangbo", "안성준:sungjun.ahn", "송지아:jia.song", "류하진:hajin.ryu",
            "전우성:woosung.jeon", "Michael Chen:michael.chen", "Olivia Brown:olivia.brown", "Noah Wilson:noah.wilson",
            "Hana Suzuki:hana.suzuki", "홍수민:sumin.hong", "고은비:eunbi.ko", "문지성:jisung.moon", "양서우:seowoo.yang",
            "손하람:haram.son", "배유진:yujin.bae", "백지원:jiwon.baek", "허민혁:minhyuk.heo", "유다인:dain.yoo",
            "남궁현:hyun.namgung", "심소희:sohee.shim", "노태민:taemin.noh", "하지유:jiyu.ha", "곽도경:dokyung.kwak",
            "Ethan Davis:ethan.davis", "Mia Garcia:mia.garcia"};

    record Person(String name, String email, Role role) {
    }

    /** One move of a demo application; {@code toStage} indexes the default pipeline's stages. */
    record Step(TransitionAction action, Integer toStage, String reasonCode, String reasonKo, String reasonEn) {

        String reason(boolean korean) {
            return korean ? reasonKo : reasonEn;
        }
    }

    record Path(List<Step> steps) {
    }

    private static Step step(TransitionAction action) {
        return new Step(action, null, null, null, null);
    }

    private static Step step(TransitionAction action, String code, String reasonKo, String reasonEn) {
        return new Step(action, null, code, reasonKo, reasonEn);
    }

    private static final Step ADVANCE = step(TransitionAction.ADVANCE);
    private static final Step SKIP_ASSIGNMENT = step(TransitionAction.SKIP, null,
            "서류와 포트폴리오로 직무 역량이 충분히 확인되어 과제전형을 면제하고 기술면접으로 바로 진행",
            "Skills were clear from the resume and portfolio: the assignment is waived, straight to the interview");

    /** Where demo applications end up, weighted toward the early stages as in a real funnel. */
    static final List<Path> PATHS = List.of(
            new Path(List.of()),
            new Path(List.of()),
            new Path(List.of(ADVANCE)),
            new Path(List.of(step(TransitionAction.REJECT, "EXPERIENCE", "요구 경력(클라우드 운영 3년 이상) 미충족",
                    "Less than the three years of cloud operations the role asks for"))),
            new Path(List.of()),
            new Path(List.of(ADVANCE, SKIP_ASSIGNMENT)),
            new Path(List.of(ADVANCE, ADVANCE)),
            new Path(List.of(ADVANCE, step(TransitionAction.REJECT, "ASSIGNMENT_BELOW_BAR",
                    "Terraform 모듈 구성과 장애 대응 시나리오가 기준에 못 미침",
                    "Terraform layout and the incident scenario fell short of the bar"))),
            new Path(List.of(ADVANCE)),
            new Path(List.of(ADVANCE, ADVANCE, ADVANCE)),
            new Path(List.of(ADVANCE, ADVANCE, step(TransitionAction.REJECT, "INTERVIEW_BELOW_BAR",
                    "Kubernetes 네트워킹과 장애 분석 질문에서 기대 수준에 못 미침",
                    "Below the bar on Kubernetes networking and incident analysis"))),
            new Path(List.of(ADVANCE, SKIP_ASSIGNMENT, step(TransitionAction.HOLD, null,
                    "지원자 요청으로 면접 일정 보류(해외 출장 중)", "On hold at the candidate's request (travelling)"))),
            new Path(List.of(ADVANCE, ADVANCE, ADVANCE, ADVANCE)),
            new Path(List.of(ADVANCE, ADVANCE, ADVANCE, step(TransitionAction.WITHDRAW, null,
                    "다른 회사의 제안을 수락하여 지원 취소", "Accepted another offer and withdrew"))),
            new Path(List.of(step(TransitionAction.REJECT, "SKILLS_MISMATCH", null, null))),
            new Path(List.of(ADVANCE, ADVANCE, ADVANCE, ADVANCE, step(TransitionAction.HIRE))),
            new Path(List.of(ADVANCE, ADVANCE, new Step(TransitionAction.MOVE, 1, null,
                    "면접에서 과제 보완 제출을 요청하여 과제전형으로 되돌림",
                    "Sent back to the assignment to resubmit one part"))),
            new Path(List.of(step(TransitionAction.REJECT, "SKILLS_MISMATCH", "자바 백엔드 위주 경력",
                    "Mostly Java back-end work"), step(TransitionAction.REOPEN, null, "인프라 프로젝트 경력을 다시 확인하여 재검토",
                    "Reopened after a second look at the infrastructure projects"))),
            new Path(List.of(ADVANCE, SKIP_ASSIGNMENT, ADVANCE)),
            new Path(List.of(ADVANCE, ADVANCE, ADVANCE, ADVANCE, step(TransitionAction.WITHDRAW, null,
                    "처우 협의가 결렬되어 지원자가 입사를 포기함", "Compensation talks stalled; the candidate declined"))));

    /** The story: screening passed, the assignment waived by phone, both interviews passed, now negotiating. */
    static final Path STORY_PATH = new Path(List.of(ADVANCE, step(TransitionAction.SKIP, null,
            "과제 링크 안내가 잘못 나간 뒤 HR이 전화로 안내: 직무 역량이 충분하여 직무테스트를 면제하고 기술면접으로 진행",
            "After the assignment link went out wrong, HR called: the skills test is waived, straight to the interview"),
            ADVANCE, ADVANCE));
    static final Path STORY_BANK_PATH = new Path(List.of(ADVANCE, ADVANCE, step(TransitionAction.REJECT,
            "INTERVIEW_BELOW_BAR", "기술면접 결과 이번에는 함께하기 어렵다고 판단", "Not this time, after the interview")));
    static final String STORY_CANDIDATE = "정우진";
    static final String STORY_EMAIL = "woojin.jung@example.com";

    static final DemoStory MOBILITY = new DemoStory("무브온 모빌리티", "moveon", null, null, List.of(
            new Person("김하늘", "recruiter@moveon.example", Role.RECRUITER),
            new Person("박지훈 (그룹장)", "group.lead@moveon.example", Role.HIRING_MANAGER),
            new Person("이서연 (팀장)", "team.lead@moveon.example", Role.INTERVIEWER),
            new Person("최민호 (개발본부장)", "head.engineering@moveon.example", Role.HIRING_MANAGER),
            new Person("정다인 (HR)", "hr.partner@moveon.example", Role.INTERVIEWER)),
            "DevOps Engineer", "Platform Engineering", List.of("서울 성동구 (본사)"), """
            ## 하는 일
            - 차량 공유 서비스의 Kubernetes(EKS) 클러스터와 AWS 인프라를 운영하고 개선합니다.
            - Terraform과 Argo CD로 인프라와 배포를 코드로 관리합니다.
            - Kafka 데이터 파이프라인과 관측 체계(Prometheus, Grafana, OpenTelemetry)를 함께 만듭니다.

            ## 이런 분을 찾습니다
            - 클라우드 환경에서 서비스를 3년 이상 운영해 본 분
            - 장애를 끝까지 추적하고 재발을 막는 구조를 만드는 분

            ## 채용 절차
            서류전형 → 과제전형 → 1차 기술면접(대면, 90분) → 2차 컬처핏 면접(대면) → 처우 협의 → 최종 합격

            면접은 원칙적으로 서울 본사에서 대면으로 진행하며, 지방에 사는 지원자에게는 교통비를 지원합니다.
            """, names(0), true, new PostingDetails(60_000_000L, 85_000_000L, null,
            "서울 성동구 성수이로 본사 3층 대회의실"));

    static final DemoStory BANK = new DemoStory("한빛은행", "hanbit-bank", "admin@hanbit.example", "한빛은행 관리자",
            List.of(new Person("오수진", "recruiter@hanbit.example", Role.RECRUITER),
                    new Person("한동훈 (인프라팀장)", "infra.lead@hanbit.example", Role.HIRING_MANAGER),
                    new Person("서지원", "sre@hanbit.example", Role.INTERVIEWER),
                    new Person("윤가람", "security@hanbit.example", Role.INTERVIEWER)),
            "DevOps Engineer", "클라우드인프라팀", List.of("경기 성남시 분당구"), """
            ## 업무
            - 모바일 뱅킹 플랫폼의 클라우드 인프라와 CI/CD 파이프라인 운영
            - 금융보안 규정에 맞춘 접근 통제와 감사 로그 체계 구축

            ## 자격 요건
            - Linux, 네트워크, 컨테이너 오케스트레이션에 대한 깊은 이해
            - 금융권 또는 대규모 트래픽 서비스 운영 경험 우대
            """, names(1), true, new PostingDetails(70_000_000L, 95_000_000L, null,
            "경기 성남시 분당구 본점 12층 면접실"));


    /** The bank's new-graduate cloud job, whose online test many take at once: the people of the other half. */
    static final String TEST_JOB_TITLE = "클라우드 엔지니어 (신입 공채)";
    static final String TEST_JOB_DESCRIPTION = """
            ## 업무
            - 모바일 뱅킹 플랫폼의 클라우드 인프라 운영 보조와 자동화

            ## 채용 절차
            서류전형 → 온라인 직무테스트(40분, 기간 내 1회 응시) → 면접 → 처우 협의 → 최종 합격
            """;
    static final int TEST_TAKERS = 24;

    static List<String> testTakers() {
        return names(0).subList(0, TEST_TAKERS);
    }

    private static List<String> names(int half) {
        List<String> names = new ArrayList<>();
        for (int i = half * 40; i < half * 40 + 40; i++) {
            names.add(ROSTER[i]);
        }
        return names;
    }

    static String displayName(String entry) {
        return entry.substring(0, entry.indexOf(':'));
    }

    static String email(String entry, int index) {
        return entry.substring(entry.indexOf(':') + 1) + "@example.com";
    }

    private static final String[] REGIONS = {"서울", "서울", "서울", "경기 성남", "경기 수원", "인천", "부산", "대구",
            "대전", "광주", "울산", "강원 춘천", "전북 전주", "제주"};
    private static final String[] SOURCES = {"원티드", "잡코리아", "LinkedIn", "사내 추천", "회사 홈페이지", "로켓펀치"};

    static String region(Random random) {
        return REGIONS[random.nextInt(REGIONS.length)];
    }

    static String source(Random random) {
        return SOURCES[random.nextInt(SOURCES.length)];
    }

    static String phone(Random random) {
        return String.format("010-%04d-%04d", random.nextInt(10000), random.nextInt(10000));
    }
}
