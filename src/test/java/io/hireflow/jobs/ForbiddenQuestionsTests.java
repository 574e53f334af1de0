package io.hireflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

import io.hireflow.jobs.ForbiddenQuestions.Category;
import io.hireflow.shared.InvalidInputException;

/**
 * The Fair Hiring Procedure Act, Art. 4-3: questions about appearance, origin, marital status, assets and the family's
 * education, jobs and assets are refused in Korean and in English, with what they ask about; the questions a DevOps
 * team really asks pass, even where they share a word with a forbidden one.
 */
class ForbiddenQuestionsTests {

    private static final Map<String, Category> FORBIDDEN = new LinkedHashMap<>();

    static {
        // appearance, height, weight
        FORBIDDEN.put("키와 몸무게를 적어 주세요.", Category.APPEARANCE);
        FORBIDDEN.put("키가 몇 cm인가요?", Category.APPEARANCE);
        FORBIDDEN.put("본인의 키는?", Category.APPEARANCE);
        FORBIDDEN.put("키는 어떻게 되시나요?", Category.APPEARANCE);
        FORBIDDEN.put("신장(cm)을 입력해 주세요.", Category.APPEARANCE);
        FORBIDDEN.put("용모가 단정한 편인가요?", Category.APPEARANCE);
        FORBIDDEN.put("외모에 자신이 있나요?", Category.APPEARANCE);
        FORBIDDEN.put("체중", Category.APPEARANCE);
        FORBIDDEN.put("전신 사진을 첨부해 주세요.", Category.APPEARANCE);
        FORBIDDEN.put("What is your height?", Category.APPEARANCE);
        FORBIDDEN.put("How tall are you?", Category.APPEARANCE);
        FORBIDDEN.put("Please state your weight in kg.", Category.APPEARANCE);
        FORBIDDEN.put("Describe your appearance.", Category.APPEARANCE);
        FORBIDDEN.put("Attach a full-body photo.", Category.APPEARANCE);
        // region of origin
        FORBIDDEN.put("출신 지역이 어디인가요?", Category.ORIGIN);
        FORBIDDEN.put("출신지", Category.ORIGIN);
        FORBIDDEN.put("고향은 어디세요?", Category.ORIGIN);
        FORBIDDEN.put("본적을 적어 주세요.", Category.ORIGIN);
        FORBIDDEN.put("어디에서 태어났나요?", Category.ORIGIN);
        FORBIDDEN.put("What is your place of birth?", Category.ORIGIN);
        FORBIDDEN.put("Where is your hometown?", Category.ORIGIN);
        FORBIDDEN.put("Where are you from?", Category.ORIGIN);
        FORBIDDEN.put("Region of origin", Category.ORIGIN);
        // marital status
        FORBIDDEN.put("결혼하셨나요?", Category.MARITAL_STATUS);
        FORBIDDEN.put("결 혼 여부", Category.MARITAL_STATUS);
        FORBIDDEN.put("혼인 여부를 선택해 주세요.", Category.MARITAL_STATUS);
        FORBIDDEN.put("기혼이신가요, 미혼이신가요?", Category.MARITAL_STATUS);
        FORBIDDEN.put("배우자가 있습니까?", Category.MARITAL_STATUS);
        FORBIDDEN.put("Are you married?", Category.MARITAL_STATUS);
        FORBIDDEN.put("What is your marital status?", Category.MARITAL_STATUS);
        FORBIDDEN.put("Single or married?", Category.MARITAL_STATUS);
        FORBIDDEN.put("What does your spouse do?", Category.MARITAL_STATUS);
        // assets
        FORBIDDEN.put("재산 규모를 알려 주세요.", Category.ASSETS);
        FORBIDDEN.put("부동산을 보유하고 있나요?", Category.ASSETS);
        FORBIDDEN.put("자가 주택을 소유하고 계신가요?", Category.ASSETS);
        FORBIDDEN.put("주거 형태(자가/전세/월세)", Category.ASSETS);
        FORBIDDEN.put("본인의 총자산은 얼마인가요?", Category.ASSETS);
        FORBIDDEN.put("What is your net worth?", Category.ASSETS);
        FORBIDDEN.put("Do you own a home?", Category.ASSETS);
        FORBIDDEN.put("Please list your assets.", Category.ASSETS);
        FORBIDDEN.put("Do you own any property?", Category.ASSETS);
        // parents', siblings' and children's education, occupation and assets
        FORBIDDEN.put("부모님의 학력과 직업을 적어 주세요.", Category.FAMILY);
        FORBIDDEN.put("아버지 직업이 무엇인가요?", Category.FAMILY);
        FORBIDDEN.put("형제자매의 직장은 어디인가요?", Category.FAMILY);
        FORBIDDEN.put("부모님 재산", Category.FAMILY);
        FORBIDDEN.put("자녀가 다니는 학교", Category.FAMILY);
        FORBIDDEN.put("What are your parents' occupations?", Category.FAMILY);
        FORBIDDEN.put("Father's education", Category.FAMILY);
        FORBIDDEN.put("What do your siblings do for a living?", Category.FAMILY);
        FORBIDDEN.put("Where do your children go to school?", Category.FAMILY);
        FORBIDDEN.put("What do your parents do?", Category.FAMILY);
        FORBIDDEN.put("Mother’s income", Category.FAMILY);
        // resident registration number
        FORBIDDEN.put("주민등록번호를 입력해 주세요.", Category.RESIDENT_NUMBER);
        FORBIDDEN.put("주민 번호 뒷자리", Category.RESIDENT_NUMBER);
        FORBIDDEN.put("Resident registration number", Category.RESIDENT_NUMBER);
        FORBIDDEN.put("Please enter your RRN.", Category.RESIDENT_NUMBER);
    }

    /** What a DevOps team asks, including questions that share words with forbidden ones. */
    private static final List<String> FINE = List.of(
            "Kubernetes 운영 경험을 알려 주세요",
            "Describe a Kafka incident you handled",
            "Can you start within a month?",
            "서울 본사로 출근이 가능한가요?",
            "현재 거주지에서 판교까지 출퇴근이 가능한가요?",
            "Terraform으로 인프라를 운영해 본 적이 있나요?",
            "장애 원인을 알아내는 본인만의 방법이 있나요?",
            "메모리 사용 모니터링은 어떻게 하셨나요?",
            "예외 모니터링 도구는 무엇을 썼나요?",
            "API 키와 시크릿은 어떻게 관리하나요?",
            "암호화 키는 몇 일마다 교체하나요?",
            "키는 어떻게 저장하고 교체하나요?",
            "키 관리 서비스(KMS)를 써 본 경험이 있나요?",
            "트래픽 신장에 대비해 어떤 준비를 했나요?",
            "IT 자산 관리 도구를 써 본 적이 있나요?",
            "지적재산권 교육을 받은 적이 있나요?",
            "부모 프로세스가 종료되면 자식 프로세스는 어떻게 되나요?",
            "자매 회사의 인프라를 함께 운영한 경험이 있나요?",
            "가족 친화적인 회사 문화에 대해 어떻게 생각하나요?",
            "비전공 출신 지원자로서 어떻게 공부했나요?",
            "전 세계 리전에 배포해 본 적이 있나요?",
            "로그 수집 보유 기간은 어떻게 정했나요?",
            "최종 학력과 전공을 적어 주세요.",
            "희망 연봉을 알려 주세요.",
            "How do you rotate SSH keys?",
            "Have you run Kubernetes Jobs that clean up child pods?",
            "How did you handle heightened traffic during a launch?",
            "How would you set the canary weight for a new release?",
            "What weighted routing would you use between two regions?",
            "How do you serve static assets from a CDN?",
            "Which AWS region have you used most?",
            "Where do you see yourself in five years?",
            "Are you comfortable being the single on-call engineer for a week?",
            "What is your expected salary?",
            "Do you have a valid driver's license?",
            "Would you need a visa to work in Korea?",
            "What is the height of a balanced B-tree with a million keys?",
            "How does the parent process reap its child processes?");

    @Test
    void refusesEachForbiddenQuestionWithWhatItAsksAbout() {
        List<String> wrong = new ArrayList<>();
        FORBIDDEN.forEach((question, category) -> {
            Optional<Category> found = ForbiddenQuestions.find(question);
            if (!found.equals(Optional.of(category))) {
                wrong.add(question + " -> " + found.map(Enum::name).orElse("accepted") + ", expected " + category);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyCategoryIsRefusedInKoreanAndInEnglish() {
        for (Category category : Category.values()) {
            assertThat(FORBIDDEN.entrySet().stream().filter(entry -> entry.getValue() == category)
                    .map(Map.Entry::getKey))
                    .as(category.name())
                    .anyMatch(question -> question.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3))
                    .anyMatch(question -> question.chars().noneMatch(c -> c >= 0xAC00 && c <= 0xD7A3));
        }
    }

    @Test
    void acceptsTheQuestionsADevOpsTeamAsks() {
        List<String> refused = FINE.stream().filter(question -> ForbiddenQuestions.find(question).isPresent())
                .map(question -> question + " -> " + ForbiddenQuestions.find(question).orElseThrow())
                .toList();
        assertThat(refused).isEmpty();
        assertThat(ForbiddenQuestions.find(null)).isEmpty();
        assertThat(ForbiddenQuestions.find("  ")).isEmpty();
    }

    @Test
    void heightenedIsNotHeightButHeightIs() {
        assertThat(ForbiddenQuestions.find("heightened security requirements")).isEmpty();
        assertThat(ForbiddenQuestions.find("height")).contains(Category.APPEARANCE);
    }

    @Test
    void aRefusalNamesTheFieldAndTheCategoryAndTheLawThatForbidsIt() {
        assertThatCode(() -> ForbiddenQuestions.check("questions[0].textEn", "Describe a Kafka incident"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ForbiddenQuestions.check("questions[2].textKo", "결혼 여부"))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> {
                    var problem = refusal.problems().get(0);
                    assertThat(problem.field()).isEqualTo("questions[2].textKo");
                    assertThat(problem.code()).isEqualTo("validation.question.forbidden");
                    assertThat(((MessageSourceResolvable) problem.arguments()[0]).getCodes())
                            .containsExactly("question.forbidden.MARITAL_STATUS");
                });
        assertThatThrownBy(() -> ForbiddenQuestions.check("questions[0].textKo", "주민등록번호"))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(
                        refusal.problems().get(0).code()).isEqualTo("validation.question.residentNumber"));
    }
}
