package io.seglift.destination.facebook;

import com.facebook.ads.sdk.APIException;
import com.facebook.ads.sdk.AdAccount;
import com.facebook.ads.sdk.CustomAudience;
import io.seglift.spi.destination.AfterSync;
import io.seglift.spi.destination.AudienceRef;
import io.seglift.spi.destination.AudienceSize;
import io.seglift.spi.destination.SyncTotals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the lookalike of a sync's custom audience once Meta counts enough people in it, and never twice: it looks
 * for the lookalike by the id stored after an earlier run, then by its name among the ad account's audiences (a crash
 * between creating it and storing its id), and only then creates it with {@code POST /act_{id}/customaudiences},
 * {@code subtype=LOOKALIKE}, {@code origin_audience_id} and {@code lookalike_spec}
 * (https://developers.facebook.com/docs/marketing-api/audiences/guides/lookalike-audiences). A stored lookalike that
 * no longer exists (deleted in Ads Manager) is created again, with a note, since the project file still asks for it.
 */
final class Lookalikes {
    /**
     * "origin_audience_id ... Origin audiences must have at least 100 members", and {@code allow_international_seeds}:
     * "At least 100 seed audience members from a country"
     * (https://developers.facebook.com/documentation/ads-commerce/marketing-api/audiences/guides/lookalike-audiences).
     */
    static final long MIN_SOURCE_SIZE = 100;
    /** The link under which the lookalike's id is stored. */
    static final String LINK = "facebook.lookalike";
    private static final Logger LOG = LoggerFactory.getLogger(Lookalikes.class);

    private final FacebookOptions options;
    private final GraphClient graph;
    private final GraphApiContext sdk;
    private final AdAccountAudiences audiences;

    Lookalikes(FacebookOptions options, GraphClient graph, GraphApiContext sdk) {
        this.options = options;
        this.graph = graph;
        this.sdk = sdk;
        this.audiences = new AdAccountAudiences(graph, options.adAccountId());
    }

    AfterSync afterSync(LookalikeSpec spec, AudienceRef audience, SyncTotals totals) {
        String name = spec.nameFor(audience.name());
        String stored = totals.links().get(LINK);
        String note = null;
        if (stored != null) {
            if (audiences.byId(stored).isPresent()) return AfterSync.unchanged(totals);
            note = "lookalike " + stored + " of audience " + audience.id() + " no longer exists in " + options.adAccountId()
                    + " (deleted in Ads Manager?); the project file still declares lookalike, so it is created again"
                    + " (remove lookalike: from the destination's block to stop this)";
        }
        Optional<String> found = audiences.idByName(name, "id,name,subtype",
                a -> "LOOKALIKE".equals(a.path("subtype").asText("LOOKALIKE")));
        if (found.isPresent()) {
            return done(totals, found.get(), List.of("lookalike " + found.get() + " \"" + name + "\" found in "
                    + options.adAccountId() + " and recorded (it was created by an earlier run that stopped before"
                    + " storing its id, or by hand)"), note);
        }
        AudienceSize size = MetaAudienceSize.read(graph, audience.id()).orElse(new AudienceSize(0, 0));
        if (size.lowerBound() < MIN_SOURCE_SIZE) {
            return new AfterSync(notes(note, "lookalike not created yet: Meta counts " + range(size) + " people in"
                    + " audience " + audience.id() + ", and a lookalike source needs at least " + MIN_SOURCE_SIZE
                    + " from one country; it is created by the first run after the audience has filled"), without(totals));
        }
        String id = create(spec, audience, name);
        return done(totals, id, List.of("lookalike " + id + " \"" + name + "\" created from audience " + audience.id()
                + " (" + range(size) + " people; ratio " + spec.ratio().toPlainString() + ", countries "
                + String.join(",", spec.countries()) + "); Meta takes 1 to 6 hours to populate it"), note);
    }

    private static AfterSync done(SyncTotals totals, String id, List<String> notes, String first) {
        Map<String, String> links = new LinkedHashMap<>(totals.links());
        links.put(LINK, id);
        return new AfterSync(first == null ? notes : notes(first, notes.get(0)), links);
    }

    private static List<String> notes(String first, String second) {
        return first == null ? List.of(second) : List.of(first, second);
    }

    private static Map<String, String> without(SyncTotals totals) {
        Map<String, String> links = new LinkedHashMap<>(totals.links());
        links.remove(LINK);
        return links;
    }

    private static String range(AudienceSize size) {
        return size.lowerBound() == size.upperBound() ? Long.toString(size.lowerBound())
                : size.lowerBound() + " to " + size.upperBound();
    }

    private String create(LookalikeSpec spec, AudienceRef audience, String name) {
        try {
            CustomAudience created = new AdAccount(options.adAccountId(), sdk).createCustomAudience().setName(name)
                    .setSubtype(CustomAudience.EnumSubtype.VALUE_LOOKALIKE).setOriginAudienceId(audience.id())
                    .setLookalikeSpec(spec.json()).execute();
            LOG.info("created lookalike {} from audience {} in {}", created.getId(), audience.id(), options.adAccountId());
            return created.getId();
        } catch (APIException e) {
            throw graph.failure("create lookalike of audience " + audience.id(), 400, e.getRawResponse(), "",
                    Optional.empty());
        }
    }
}
