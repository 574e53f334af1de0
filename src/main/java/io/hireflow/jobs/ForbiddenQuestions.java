package io.hireflow.jobs;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;

/**
 * The questions an employer may not ask candidates: the Fair Hiring Procedure Act (채용절차법), Art. 4-3, forbids
 * asking for a candidate's appearance, height, weight and other physical conditions, their region of origin, marital
 * status or assets, and the education, occupation or assets of their parents, children and siblings; the Personal
 * Information Protection Act (Art. 24-2) forbids collecting a resident registration number where no law requires it.
 * Hireflow refuses such questions where staff write them, rather than leave it to each recruiter to remember.
 *
 * <p>The check is a word list in Korean and English, not an understanding of the question: it catches the usual
 * wordings (and their spacing variants: Korean is compared with spaces and punctuation removed, so "결 혼" and
 * "출신 지역" read as "결혼" and "출신지역"), and is kept narrow where a word has an everyday meaning in the work
 * itself. English words count only as whole words ("heightened" is not "height"); words that are also technical
 * terms count only in the phrasing of a personal question ("your assets", not "static assets"; "본인의 키는", not
 * "API 키는"; a parent's job, not a parent process). A question that slips through is still the organization's
 * responsibility; a refused one can always be reworded to ask what the job needs.
 */
public final class ForbiddenQuestions {

    /** What a forbidden question asks about; each is named in the refusal, in the reader's language. */
    public enum Category {
        APPEARANCE, ORIGIN, MARITAL_STATUS, ASSETS, FAMILY, RESIDENT_NUMBER;

        /** The message of the refusal: the law that forbids the question, with this category as its argument. */
        public String refusalCode() {
            return this == RESIDENT_NUMBER ? "validation.question.residentNumber" : "validation.question.forbidden";
        }

        /** The message key that names the category. */
        public String nameCode() {
            return "question.forbidden." + name();
        }
    }

    /** A personal pronoun that makes a short ambiguous word (키, 신장, 자산) a question about the candidate. */
    private static final String KO_YOU = "(?:본인|귀하|지원자|당신|자신|여러분)(?:의|님의)?";

    /**
     * Korean words, matched in the text without spaces or punctuation. Guards keep out the words that removing the
     * spaces makes by accident ("사용 모니터링" holds 용모, "해 본 적" holds 본적, "원인을 알아내는" holds 아내) and
     * everyday compounds: 지적재산 (intellectual property), 출신 지원자 (an applicant with some background), 자매 회사
     * (a sister company), 가족 친화 (family-friendly).
     */
    private static final List<Rule> KOREAN = List.of(
            rule(Category.RESIDENT_NUMBER, "주민(?:등록)?(?:번호|뒷자리|앞자리)"),
            rule(Category.APPEARANCE, "(?<![사활적운이채응작범허내효비])용모(?!니|델|드|듈|바|집|음|달|양)"
                    + "|(?<![예해내제안야교국의그])외모(?!니|델|드|듈|바|집|음|달|양|든)"
                    + "|(?<![전단객매주실본개총자액합구정])체(?:중|격)(?!리|차|자)|몸무게|몸매"
                    + "|신체(?:적)?조건|신체(?:사이즈|치수)|전신사진|얼굴(?:이나온)?사진"),
            rule(Category.ORIGIN, "출신지(?!원)|(?:어디|어느지역|어느지방|어느도|무슨지역|지역|지방)출신(?!학교|대학)"
                    + "|(?<!최)고향(?!상)|(?:^|의|인|자|님)본적|본적지|출생지|태어난곳|태어나신곳|태어났|태어나셨"),
            rule(Category.MARITAL_STATUS, "결혼(?!잡|합|자)|혼인|기혼(?!합|용|재|선|동)"
                    + "|(?<![재의])미혼(?!합|용|재|선|동|란)|이혼(?!자|잡|합|선|란|용|동)|약혼(?!합|자|동|용)"
                    + "|(?<![을를도])배우자(?!고|면)|남편|(?<![알찾잡뽑막받깎참살따])아내|와이프"),
            rule(Category.ASSETS, "(?<![현지적])재산(?!권|출|정|업|하|화|물)|부동산|순자산|보유자산|금융자산"
                    + "|주거형태|거주형태|자가여부|(?:주택|아파트|자가|토지)(?:을|를|이)?(?:소유|보유)"
                    + "|월세(?!금|미|션|팅|대|계|부|트)|" + KO_YOU + "(?:총)?(?:자산|소득|재력)"
                    + "|(?:가구|가계|가정)(?:의)?(?:연)?소득"));

    /** Korean words that need the spaces to be told apart: 키 and 신장 as height, not a key or growth. */
    private static final List<Rule> KOREAN_SPACED = List.of(
            rule(Category.APPEARANCE, "(?:^|[.?!,:]\\s*|" + KO_YOU + "\\s*)(?:키|신장)\\s*"
                    + "(?:은|는|이|가|을|를|와|과|및)?\\s*(?=몇|얼마|어떻게\\s*되|어느|적|기재|입력|써|알려|\\d|cm|센티|센치|$|[?.(/,])"
                    + "|(?<![a-z0-9])(?:키|신장)\\s*(?:은|는|이|가)?\\s*\\d{2,3}\\s*(?:cm|센티|센치)"));

    /**
     * English words and phrases, matched as whole words (letters and digits on neither side) in the text with
     * punctuation made into spaces.
     */
    private static final List<Rule> ENGLISH = List.of(
            englishRule(Category.RESIDENT_NUMBER, "resident registration (?:number|no)|rrn|social security number|ssn"
                    + "|national id(?:entification)? number"),
            englishRule(Category.APPEARANCE, "(?:your|physical|personal) appearance|appearance(?! of)|how tall"
                    + "|(?<!(?:tree|block|row|line|page|window|screen|image|column|element|max|min|font|box|cell) )"
                    + "height(?! of (?:a|an|the|each|every|this|that|its) )|(?:your|body|current) weight"
                    + "|weight (?:in|and) (?:kg|kilograms|pounds|lbs|height)"
                    + "|how much do you weigh|body (?:type|shape|size|measurements)|headshot"
                    + "|(?:full ?body|full length|face|facial|body) (?:photo|photograph|picture|shot|image)s?"
                    + "|(?:photo|photograph|picture) of (?:yourself|your face|your body)"),
            englishRule(Category.ORIGIN, "birthplace|place of birth|hometown|home town|home (?:region|province)"
                    + "|(?:place|region|country) of origin|native region|originally from"
                    + "|where (?:were|was) you born|where (?:are|is) you(?:r family)? from"
                    + "|where do you (?:come|hail) from|where did you grow up"),
            englishRule(Category.MARITAL_STATUS, "married|marital|marriage|spouse'?s?|husband'?s?|wife'?s?|divorced?"
                    + "|maiden name|fianc[eé]e?|single or married|engaged to"),
            englishRule(Category.ASSETS, "net worth|(?:own|owned) (?:a|your|any) (?:home|house|apartment|flat)"
                    + "|home ?owner(?:ship)?|(?:own|owned) (?:any )?(?:property|properties|land)"
                    + "|(?<!screen )real estate|(?:your|personal|financial|family|household|total) assets"
                    + "|(?:your|personal|household|family) (?:wealth|savings)|household income"
                    + "|(?:rent|renting) or (?:own|owning)"));

    /** Family members in Korean: 부모, 자녀 and 형제자매, and those more distant in the same line (직계 존비속). */
    private static final Pattern KOREAN_FAMILY = Pattern.compile("부모|부친|모친|아버지|어머니|아버님|어머님|아빠|엄마"
            + "|조부모|할아버지|할머니|형제|자매(?!회사|사|기관|결연|브랜드|품)|남매|(?<![활이운행연])동생|오빠|언니|누나"
            + "|자녀|자식|(?<![받빨잡갖])아들|딸(?!기)|손자|손녀|가족(?!친화|같|적)|직계");

    /** What a family member does or has, in Korean. */
    private static final Pattern KOREAN_FAMILY_DETAIL = Pattern.compile("학력|학교|대학|졸업|전공|직업|직장|직위|직책"
            + "|직급|근무|재직|다니|재산|자산|소득|연봉|수입|월급|부동산|하시는일|하는일|무슨일|어떤일|일하시|종사");

    /** Family members in English, only as someone's ("your parents", "father's"): "parent node" is no family. */
    private static final Pattern ENGLISH_FAMILY = english("(?:your|their|his|her) (?:parents?|father|mother|dad|mom"
            + "|mum|siblings?|brothers?|sisters?|children|child|kids?|sons?|daughters?|family members|relatives"
            + "|grandparents)|(?:parent|father|mother|dad|mom|mum|sibling|brother|sister|child|kid|son|daughter"
            + "|grandparent|relative|family)'s|(?:parents|siblings|brothers|sisters|kids|sons|daughters"
            + "|grandparents|relatives)'|children'?s|family members'?");

    /** What a family member does or has, in English. */
    private static final Pattern ENGLISH_FAMILY_DETAIL = english("education|educational|schools?|university"
            + "|college|degrees?|occupations?|jobs?|professions?|employers?|employment|careers?|company|companies"
            + "|work (?:for|at|as)|works (?:for|at|as)|assets|income|salary|salaries|wealth|property|properties"
            + "|earn|earns|for a living");

    /** "What do your parents do?" */
    private static final Pattern ENGLISH_FAMILY_QUESTION = english("what (?:do|does|did) your (?:parents|father"
            + "|mother|dad|mom|mum|siblings|brothers?|sisters?|children|kids|family) do");

    /** The most specific first: a parent's assets are about the family, not the candidate's own assets. */
    private static final List<Category> CHECK_ORDER = List.of(Category.RESIDENT_NUMBER, Category.FAMILY,
            Category.APPEARANCE, Category.ORIGIN, Category.MARITAL_STATUS, Category.ASSETS);

    private static final Pattern NOT_FOR_COMPACT = Pattern.compile("[\\s\\p{P}\\p{S}\\p{Cf}]+");
    private static final Pattern NOT_FOR_WORDS = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cf}]+");

    private ForbiddenQuestions() {
    }

    /** What the text asks that may not be asked, if anything (the first category found). */
    public static Optional<Category> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'');
        String compact = NOT_FOR_COMPACT.matcher(normalized).replaceAll("");
        String spaced = SPACES.matcher(normalized).replaceAll(" ").strip();
        String words = NOT_FOR_WORDS.matcher(normalized).replaceAll(" ").strip();
        for (Category category : CHECK_ORDER) {
            if (asks(category, compact, spaced, words)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** Refuses (400, on {@code field}) a text that asks what may not be asked. */
    public static void check(String field, String text) {
        find(text).ifPresent(category -> {
            throw new InvalidInputException(List.of(problem(field, category)));
        });
    }

    /** The refusal of a question on {@code field}, naming the category in the reader's language. */
    public static FieldProblem problem(String field, Category category) {
        return new FieldProblem(field, category.refusalCode(),
                new DefaultMessageSourceResolvable(new String[] {category.nameCode()}));
    }

    private static boolean asks(Category category, String compact, String spaced, String words) {
        if (category == Category.FAMILY) {
            boolean family = KOREAN_FAMILY.matcher(compact).find() || ENGLISH_FAMILY.matcher(words).find();
            boolean detail = KOREAN_FAMILY_DETAIL.matcher(compact).find()
                    || ENGLISH_FAMILY_DETAIL.matcher(words).find();
            return family && detail || ENGLISH_FAMILY_QUESTION.matcher(words).find();
        }
        return matches(KOREAN, category, compact) || matches(KOREAN_SPACED, category, spaced)
                || matches(ENGLISH, category, words);
    }

    private static boolean matches(List<Rule> rules, Category category, String text) {
        for (Rule rule : rules) {
            if (rule.category() == category && rule.pattern().matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private record Rule(Category category, Pattern pattern) {
    }

    private static Rule rule(Category category, String regex) {
        return new Rule(category, Pattern.compile(regex));
    }

    private static Rule englishRule(Category category, String regex) {
        return new Rule(category, english(regex));
    }

    private static Pattern english(String regex) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])");
    }
}
