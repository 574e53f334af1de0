package io.hireflow.offers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.hireflow.shared.InvalidInputException;
import io.hireflow.shared.InvalidInputException.FieldProblem;

/**
 * An offer's terms as a page's form sends them: every field text, as typed (amounts may have thousands separators).
 * A form shows every term, so a text field left blank (or absent) clears its term, and is refused where the term is
 * required; a blank amount or date keeps the one before. {@link #draft()} reads them into a {@link Offers.Draft}, or
 * names each field that is not a number or a date; the offers service then checks the values.
 */
public record OfferForm(String level, String title, String baseSalaryKrw, String signOnBonusKrw,
        String bonusTargetPercent, String stockOptions, String vesting, String startDate, String workLocation,
        String otherTerms, String expiresOn, String message) {

    /** The form filled with these terms (amounts with thousands separators, no message), to change them. */
    public static OfferForm of(OfferTerms terms) {
        return new OfferForm(terms.level(), terms.title(), amount(terms.baseSalaryKrw()),
                amount(terms.signOnBonusKrw()), String.valueOf(terms.bonusTargetPercent()),
                amount(terms.stockOptions()), terms.vesting(), String.valueOf(terms.startDate()),
                terms.workLocation(), terms.otherTerms(), String.valueOf(terms.expiresOn()), null);
    }

    private static String amount(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** The terms as a draft; 400 naming each field that is not a whole number or a date (YYYY-MM-DD). */
    public Offers.Draft draft() {
        List<FieldProblem> problems = new ArrayList<>();
        Long base = number("baseSalaryKrw", baseSalaryKrw, problems);
        Long signOn = number("signOnBonusKrw", signOnBonusKrw, problems);
        Long bonus = number("bonusTargetPercent", bonusTargetPercent, problems);
        Long options = number("stockOptions", stockOptions, problems);
        LocalDate start = date("startDate", startDate, problems);
        LocalDate expires = date("expiresOn", expiresOn, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // text as typed: a form shows every term, so a field left blank is cleared (and refused where required)
        return new Offers.Draft(text(level), text(title), base, signOn, integer(bonus), integer(options),
                text(vesting), start, text(workLocation), text(otherTerms), expires, message);
    }

    /** A whole number as typed (thousands separators allowed), null when blank; a problem when it is not one. */
    static Long number(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException notANumber) {
            problems.add(new FieldProblem(field, "validation.offer.number"));
            return null;
        }
    }

    private static Integer integer(Long value) {
        return value == null ? null : value > Integer.MAX_VALUE ? Integer.MAX_VALUE
                : value < Integer.MIN_VALUE ? Integer.MIN_VALUE : value.intValue();
    }

    private static LocalDate date(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            problems.add(new FieldProblem(field, "validation.offer.date"));
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
