package io.hireflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hireflow.shared.InvalidInputException.FieldProblem;

/** Templates are checked when saved and render the same values safely into text and HTML. */
class TemplateTextTests {

    private static final Set<String> ALLOWED = MessageEvent.STAGE_PASSED.allowed();

    @Test
    void refusesAnUnknownVariableByNameAndABrokenPlaceholder() {
        var problems = new TemplateText("{{jobTitle}} 결과", "{{candidateName}}님, {{salary}} 그리고 {{stageName")
                .problems(ALLOWED);
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("body", "validation.template.unknownVariable"),
                org.assertj.core.groups.Tuple.tuple("body", "validation.template.brokenPlaceholder"));
        assertThat(problems.stream().filter(p -> p.code().endsWith("unknownVariable")).findFirst().orElseThrow()
                .arguments()).containsExactly("salary");
        assertThat(new TemplateText("제목\n둘째 줄", "본문").problems(ALLOWED)).extracting(FieldProblem::code)
                .containsExactly("validation.template.subjectLine");
        assertThat(new TemplateText("{{ jobTitle }}", "{{candidateName}}님").problems(ALLOWED)).isEmpty();
    }

    @Test
    void boldAroundAVariableWorksBeforeAKoreanParticle() {
        var rendered = new TemplateText("{{stageName}} 결과", "다음 단계는 **{{nextStageName}}**입니다.")
                .render(Map.of("nextStageName", "과제전형", "stageName", "서류전형"));
        assertThat(rendered.html()).contains("<strong>과제전형</strong>입니다").doesNotContain("**");
        assertThat(rendered.text()).contains("**과제전형**입니다");
        assertThat(rendered.subject()).isEqualTo("서류전형 결과");
    }

    @Test
    void valuesAreEscapedInHtmlAndLinksKeepTheirAddress() {
        var rendered = new TemplateText("{{candidateName}}님", "{{candidateName}}님, [과제]({{assignmentLink}})")
                .render(Map.of("candidateName", "<b>정*우진</b>", "assignmentLink", "https://example.com/a?x=1&y=2"));
        assertThat(rendered.html()).contains("&lt;b&gt;정*우진&lt;/b&gt;님")
                .contains("href=\"https://example.com/a?x=1&amp;y=2\"").doesNotContain("<b>");
        assertThat(rendered.text()).startsWith("<b>정*우진</b>님");
        assertThat(rendered.subject()).isEqualTo("<b>정*우진</b>님");
    }
}
