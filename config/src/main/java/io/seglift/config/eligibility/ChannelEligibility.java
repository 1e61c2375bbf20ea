package io.seglift.config.eligibility;

import io.seglift.config.ConsentColumns;
import io.seglift.config.CustomersSource;
import io.seglift.spi.destination.Channel;
import io.seglift.spi.destination.IdentifierType;
import io.seglift.spi.warehouse.ColumnType;
import io.seglift.spi.warehouse.Dialect;
import io.seglift.spi.warehouse.Identifiers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a customer may be reached on a channel, as a SQL predicate over a row of {@code sources.customers} (or a
 * view with its columns) under an alias. A customer is eligible when its key is present, it gave the consent the
 * channel requires and it has an identifier the channel matches on:
 * <ul>
 *   <li>EMAIL: email consent and an email;</li>
 *   <li>SMS: SMS consent, no do-not-disturb flag, and a phone;</li>
 *   <li>ADS: ad consent when a column is configured (allowed otherwise) and any identifier the destination matches on;</li>
 *   <li>CRM: any identifier the destination matches on.</li>
 * </ul>
 * A consent column the channel needs but the project does not configure makes nobody eligible; {@link
 * #missingConsent(Channel)} names it so callers that must refuse can say which setting to add. Blank identifiers count
 * as absent.
 */
public final class ChannelEligibility {
    private final Dialect d;
    private final String alias;
    private final CustomersSource customers;

    /** @param alias the alias of the customers row in the query, e.g. {@code c} or {@code p} */
    public ChannelEligibility(Dialect dialect, String alias, CustomersSource customers) {
        this.d = dialect;
        this.alias = Identifiers.require(alias, "table alias");
        this.customers = customers;
    }

    /** Eligible on {@code channel} given the identifier types the destination matches on (used for ADS and CRM). */
    public String eligible(Channel channel, Collection<IdentifierType> matchedOn) {
        return "(" + keyPresent() + " AND " + consent(channel) + " AND " + hasIdentifier(channel, matchedOn) + ")";
    }

    /** The key is present: a member missing from the customers table fails every channel. */
    public String keyPresent() {
        return column(customers.key(), "sources.customers.key") + " IS NOT NULL";
    }

    /** Consent the channel requires (and no do-not-disturb for SMS). */
    public String consent(Channel channel) {
        ConsentColumns cc = customers.consent();
        return switch (channel) {
            case CRM -> "TRUE";
            case EMAIL -> isTrue(cc.email()).orElse("FALSE");
            case SMS -> isTrue(cc.sms()).orElse("FALSE") + isTrue(cc.dnd()).map(dnd -> " AND NOT " + dnd).orElse("");
            case ADS -> isTrue(cc.ads()).orElse("TRUE");
        };
    }

    /** At least one identifier the channel matches on: the email for EMAIL, the phone for SMS, else {@code matchedOn}. */
    public String hasIdentifier(Channel channel, Collection<IdentifierType> matchedOn) {
        List<String> tests = new ArrayList<>();
        for (IdentifierType t : identifiersFor(channel, matchedOn)) {
            String col = customers.identifiers().get(t);
            if (col != null) tests.add(present(col));
        }
        return tests.isEmpty() ? "FALSE" : "(" + String.join(" OR ", tests) + ")";
    }

    /** The identifier types that reach a customer on {@code channel}. */
    public static Set<IdentifierType> identifiersFor(Channel channel, Collection<IdentifierType> matchedOn) {
        return switch (channel) {
            case EMAIL -> Set.of(IdentifierType.EMAIL);
            case SMS -> Set.of(IdentifierType.PHONE);
            case ADS, CRM -> Set.copyOf(matchedOn);
        };
    }

    /** The consent key under {@code sources.customers.consent} the channel needs but the project lacks, if any. */
    public Optional<String> missingConsent(Channel channel) {
        ConsentColumns cc = customers.consent();
        return switch (channel) {
            case EMAIL -> cc.email().isPresent() ? Optional.empty() : Optional.of("email");
            case SMS -> cc.sms().isPresent() ? Optional.empty() : Optional.of("sms");
            case ADS, CRM -> Optional.empty();
        };
    }

    /** The identifier column is neither NULL nor blank. */
    public String present(String identifierColumn) {
        return "NULLIF(TRIM(" + d.castText(column(identifierColumn, "sources.customers.identifiers")) + "), '') IS NOT NULL";
    }

    private Optional<String> isTrue(Optional<String> consentColumn) {
        return consentColumn.map(col -> "COALESCE(CAST(" + column(col, "sources.customers.consent") + " AS "
                + d.type(ColumnType.BOOLEAN) + "), FALSE)");
    }

    private String column(String name, String what) {
        return alias + "." + d.quote(Identifiers.require(name, what));
    }
}
