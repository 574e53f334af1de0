package io.hireflow.interviews.travel;

import java.util.List;
import java.util.Locale;

/**
 * An organization's travel support: whether it is offered, the regions counted as the office's metropolitan area (a
 * candidate whose region starts with none of them is eligible), the modes paid for, the cap per trip in KRW, and
 * whether receipts are required.
 */
public record TravelPolicy(boolean enabled, List<String> metroRegions, List<TravelMode> modes, int capPerTripKrw,
        boolean receiptsRequired, long version) {

    /** Hireflow's default: Seoul, Gyeonggi and Incheon are the metro area; train and bus up to 150,000 KRW a trip. */
    public static final TravelPolicy DEFAULT = new TravelPolicy(true, List.of("서울", "경기", "인천"),
            List.of(TravelMode.TRAIN, TravelMode.BUS), 150_000, true, 0);

    /**
     * Whether a candidate from {@code region} (free text such as 서울, 경기 성남, 부산) is eligible: the policy is
     * on, the region is given, and it starts with none of the metro regions (case and surrounding spaces ignored). A
     * candidate who gave no region is not eligible until they give one.
     */
    public boolean eligible(String region) {
        if (!enabled || region == null || region.isBlank()) {
            return false;
        }
        String where = region.strip().toLowerCase(Locale.ROOT);
        return metroRegions.stream().noneMatch(metro -> where.startsWith(metro.strip().toLowerCase(Locale.ROOT)));
    }
}
