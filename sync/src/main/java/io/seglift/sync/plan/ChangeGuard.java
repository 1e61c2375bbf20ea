package io.seglift.sync.plan;

import io.seglift.config.ChangeLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The mass-change guard: a run that would remove or add more than its sync's share of the audience is refused before
 * anything is sent, because a broken rule, a missing scoring step or one bad row can empty a segment, and the next
 * mirror run would then empty the destination. Compared with the audience as it stands (the committed state); an
 * audience not filled yet (no run of the sync has finished, or it holds nobody) has nothing to protect and is not
 * checked. Attribute updates (upsert) are not membership changes and are not limited.
 */
public final class ChangeGuard {
    private ChangeGuard() {
    }

    /** Why the run must not go ahead, or empty when the plan is within the limits. */
    public static Optional<String> refusal(String syncName, Plan plan, ChangeLimits limits, boolean audienceFilled) {
        if (!audienceFilled || plan.audience() == 0) return Optional.empty();
        List<String> over = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        double removeShare = (double) plan.removes() / plan.audience();
        if (removeShare > limits.maxRemovalShare()) {
            over.add("would remove " + n(plan.removes()) + " of " + n(plan.audience()) + " members (" + pct(removeShare,
                    limits.maxRemovalShare()) + "), more than max_removal_share " + limit(limits.maxRemovalShare()));
            settings.add("max_removal_share");
        }
        double addShare = (double) plan.adds() / plan.audience();
        if (addShare > limits.maxAdditionShare()) {
            over.add("would add " + n(plan.adds()) + " members to an audience of " + n(plan.audience()) + " (" + pct(addShare,
                    limits.maxAdditionShare()) + "), more than max_addition_share " + limit(limits.maxAdditionShare()));
            settings.add("max_addition_share");
        }
        if (over.isEmpty()) return Optional.empty();
        return Optional.of("sync " + syncName + " " + String.join(" and ", over) + "; nothing was sent. Check the segment "
                + "(seglift plan " + syncName + ") or rerun with --allow-large-changes (or raise " + String.join(" and ", settings)
                + " of sync " + syncName + " in the project file)");
    }

    /** Throws {@link LargeChangeException} when {@link #refusal} gives a reason. */
    public static void enforce(String syncName, Plan plan, ChangeLimits limits, boolean audienceFilled) {
        refusal(syncName, plan, limits, audienceFilled).ifPresent(reason -> {
            throw new LargeChangeException(reason);
        });
    }

    /** A share as a whole percentage, or with one decimal when rounding would hide that it is above {@code limit}. */
    private static String pct(double share, double limit) {
        return Math.round(share * 100) <= limit * 100 ? String.format(Locale.ROOT, "%.1f%%", share * 100)
                : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String limit(double share) {
        return java.math.BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + "%";
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
