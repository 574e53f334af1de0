package io.hireflow.offers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.hireflow.identity.OrganizationView;
import io.hireflow.shared.Actor;
import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;
import io.hireflow.shared.Languages;
import io.hireflow.shared.OrganizationId;

/**
 * Offer letters: each organization's wording per language (the text before the terms and after them, with
 * {@code {{variables}}}; Hireflow's own until an admin saves theirs), and the PDF of a sent version in the candidate's
 * language: the wording filled in, the terms as a table.
 */
@Service
public class OfferLetters {

    public static final List<String> VARIABLES = List.of("candidateName", "jobTitle", "organizationName",
            "startDate", "expiryDate");
    static final int MAX_WORDING = 4_000;
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    OfferLetters(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** The wording of one language: before the terms, after them, and whether it is the organization's own. */
    public record Wording(String language, String beforeTerms, String afterTerms, boolean own) {
    }

    /** The organization's wording in {@code language} (ko or en), or Hireflow's. */
    @Transactional(readOnly = true)
    public Wording wording(OrganizationId organization, String language) {
        String lang = Languages.ALL.contains(language) ? language : "en";
        return jdbc.sql("""
                select before_terms, after_terms from offer_letter_template
                where organization_id = ? and language = ?""")
                .params(organization.value(), lang)
                .query((rs, n) -> new Wording(lang, rs.getString(1), rs.getString(2), true)).optional()
                .orElseGet(() -> new Wording(lang, shipped("before", lang), shipped("after", lang), false));
    }

    /**
     * Saves the organization's wording of one language. 400 names a part blank or too long, or a variable that is not
     * one of {@link #VARIABLES}.
     */
    @Transactional
    public Wording save(Actor admin, String language, String beforeTerms, String afterTerms) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Languages.ALL.contains(language)) {
            problems.add(new FieldProblem("language", "validation.oneOf", String.join(", ", Languages.ALL)));
        }
        String before = checked(beforeTerms, "beforeTerms", problems);
        String after = checked(afterTerms, "afterTerms", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                insert into offer_letter_template (organization_id, language, before_terms, after_terms, updated_at,
                                                   updated_by_name)
                values (?, ?, ?, ?, ?, ?)
                on conflict (organization_id, language) do update set before_terms = excluded.before_terms,
                    after_terms = excluded.after_terms, updated_at = excluded.updated_at,
                    updated_by_name = excluded.updated_by_name""")
                .params(admin.organizationId().value(), language, before, after, Timestamp.from(clock.instant()),
                        admin.name())
                .update();
        return wording(admin.organizationId(), language);
    }

    private static String checked(String text, String field, List<FieldProblem> problems) {
        String value = Offers.text(text, MAX_WORDING, field, true, problems);
        if (value != null) {
            Matcher matcher = VARIABLE.matcher(value);
            while (matcher.find()) {
                if (!VARIABLES.contains(matcher.group(1))) {
                    problems.add(new FieldProblem(field, "validation.template.unknownVariable", matcher.group(1),
                            String.join(", ", VARIABLES)));
                }
            }
        }
        return value;
    }

    /** The PDF letter of {@code version} of {@code offer} to {@code candidateName}, in {@code language}. */
    byte[] write(OrganizationView organization, Offer offer, Offer.Version version, String candidateName,
            String language, Instant sentAt) {
        Wording wording = wording(organization.id(), language);
        Locale locale = Locale.forLanguageTag(wording.language());
        OfferTerms terms = version.terms();
        Map<String, String> values = Map.of("candidateName", candidateName, "jobTitle", offer.jobTitle(),
                "organizationName", organization.name(), "startDate", Offers.day(terms.startDate(), language),
                "expiryDate", Offers.day(terms.expiresOn(), language));
        List<OfferLetterPdf.Term> rows = new ArrayList<>();
        for (String field : OfferTerms.FIELDS) {
            String value = shown(terms, field, wording.language());
            if (value != null) {
                rows.add(new OfferLetterPdf.Term(message("offers.term." + field, locale), value));
            }
        }
        LocalDate sentOn = sentAt.atZone(organization.timeZone()).toLocalDate();
        String footer = messages.getMessage("offers.letter.footer", new Object[] {version.number(),
                Offers.day(sentOn, language)}, locale);
        return OfferLetterPdf.write(new OfferLetterPdf.Letter(wording.language(),
                message("offers.letter.title", locale), organization.name(),
                paragraphs(fill(wording.beforeTerms(), values)), rows,
                paragraphs(fill(wording.afterTerms(), values)), footer));
    }

    /** A term's value as the letter and the pages show it, or null for an empty one. */
    static String shown(OfferTerms terms, String field, String language) {
        return switch (field) {
            case "baseSalaryKrw" -> Offers.krw(terms.baseSalaryKrw(), language);
            case "signOnBonusKrw" -> terms.signOnBonusKrw() == 0 ? null : Offers.krw(terms.signOnBonusKrw(), language);
            case "bonusTargetPercent" -> terms.bonusTargetPercent() == 0 ? null : terms.bonusTargetPercent() + "%";
            case "stockOptions" -> terms.stockOptions() == 0 ? null
                    : String.format(Locale.ROOT, "%,d", terms.stockOptions())
                            + (terms.vesting() == null ? "" : " (" + terms.vesting() + ")");
            case "vesting" -> null;
            default -> format(field, terms.value(field), language);
        };
    }

    /** A term's value as the pages write it in {@code language}; none as a dash. */
    static String format(String field, Object value, String language) {
        if (value == null) {
            return "—";
        }
        return switch (field) {
            case "baseSalaryKrw", "signOnBonusKrw" -> Offers.krw((Long) value, language);
            case "bonusTargetPercent" -> value + "%";
            case "stockOptions" -> String.format(Locale.ROOT, "%,d", (Integer) value);
            case "startDate", "expiresOn" -> Offers.day((LocalDate) value, language);
            default -> value.toString();
        };
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Paragraphs are separated by a blank line; single line breaks stay inside a paragraph. */
    private static List<String> paragraphs(String text) {
        return List.of(text.replace("\r\n", "\n").strip().split("\n\\s*\n"));
    }

    /** Hireflow's wording: {@code offers/letter-{before|after}.{language}.txt} on the class path. */
    private static String shipped(String part, String language) {
        String name = "/offers/letter-" + part + "." + language + ".txt";
        try (InputStream in = OfferLetters.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String message(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
