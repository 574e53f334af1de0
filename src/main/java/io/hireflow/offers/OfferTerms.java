package io.hireflow.offers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The terms of one version of an offer: level and title, base salary (KRW a year), sign-on bonus (KRW), annual bonus
 * target (per cent of the base), stock options and their vesting, start date, work location, other terms, and the day
 * the offer holds until (to the end of that day in the organization's time zone).
 */
public record OfferTerms(String level, String title, long baseSalaryKrw, long signOnBonusKrw, int bonusTargetPercent,
        int stockOptions, String vesting, LocalDate startDate, String workLocation, String otherTerms,
        LocalDate expiresOn) {

    /** The fields in the order every page, letter and diff shows them. */
    public static final List<String> FIELDS = List.of("level", "title", "baseSalaryKrw", "signOnBonusKrw",
            "bonusTargetPercent", "stockOptions", "vesting", "startDate", "workLocation", "otherTerms", "expiresOn");

    /** The compensation fields: changing one after an approval needs approval again. */
    public static final List<String> COMPENSATION = List.of("baseSalaryKrw", "signOnBonusKrw", "bonusTargetPercent",
            "stockOptions", "vesting");

    /** One field's value, as it is stored (numbers as numbers, dates as dates), or null. */
    public Object value(String field) {
        return switch (field) {
            case "level" -> level;
            case "title" -> title;
            case "baseSalaryKrw" -> baseSalaryKrw;
            case "signOnBonusKrw" -> signOnBonusKrw;
            case "bonusTargetPercent" -> bonusTargetPercent;
            case "stockOptions" -> stockOptions;
            case "vesting" -> vesting;
            case "startDate" -> startDate;
            case "workLocation" -> workLocation;
            case "otherTerms" -> otherTerms;
            case "expiresOn" -> expiresOn;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** What changed from {@code before} to these terms, field by field in {@link #FIELDS} order. */
    public List<Change> changesFrom(OfferTerms before) {
        List<Change> changes = new ArrayList<>();
        for (String field : FIELDS) {
            Object was = before.value(field);
            Object now = value(field);
            if (!Objects.equals(was, now)) {
                changes.add(new Change(field, was, now));
            }
        }
        return changes;
    }

    /** Whether any compensation field differs from {@code other}'s. */
    boolean compensationDiffers(OfferTerms other) {
        return COMPENSATION.stream().anyMatch(field -> !Objects.equals(value(field), other.value(field)));
    }

    /** One changed field: its name and its values before and after. */
    public record Change(String field, Object before, Object after) {

        /** The value before, as the pages show it in {@code language}. */
        public String shownBefore(String language) {
            return OfferLetters.format(field, before, language);
        }
    }
}
