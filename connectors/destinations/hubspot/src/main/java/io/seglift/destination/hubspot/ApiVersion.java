package io.seglift.destination.hubspot;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HubSpot API version a destination calls, and the one place that turns it into paths. HubSpot's date-versioned
 * APIs put the version after the API family ({@code /crm/objects/2026-09/contacts}, {@code /crm/lists/2026-09},
 * {@code /crm/properties/2026-09/contacts}); {@code v3} puts it before ({@code /crm/v3/objects/contacts},
 * {@code /crm/v3/lists}, {@code /crm/v3/properties/contacts}). The versions are those HubSpot's public spec collection
 * publishes for Contacts, Lists and Properties (github.com/HubSpot/HubSpot-public-api-spec-collection, paths
 * {@code PublicApiSpecs/CRM/{Contacts,Lists,Properties}/Rollouts/<id>/<version>/*.json}).
 */
public final class ApiVersion {
    /** The newest date version: the default. */
    public static final String NEWEST = "2026-09";
    /** Every version Seglift knows the paths of, newest first; {@code v3} is kept while HubSpot supports it. */
    public static final List<String> SUPPORTED = List.of(NEWEST, "2026-03", "2025-09", "v3");

    private final String name;

    private ApiVersion(String name) {
        this.name = name;
    }

    /** The version named {@code text} (case-insensitive), if Seglift supports it. */
    public static Optional<ApiVersion> of(String text) {
        String n = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(n) ? Optional.of(new ApiVersion(n)) : Optional.empty();
    }

    /** The newest date version. */
    public static ApiVersion newest() {
        return new ApiVersion(NEWEST);
    }

    public String name() {
        return name;
    }

    private boolean legacy() {
        return name.equals("v3");
    }

    /** {@code /crm/objects/<v>/contacts} or {@code /crm/v3/objects/contacts}, followed by {@code rest}. */
    public String contacts(String rest) {
        return (legacy() ? "/crm/v3/objects/contacts" : "/crm/objects/" + name + "/contacts") + rest;
    }

    /** {@code /crm/lists/<v>} or {@code /crm/v3/lists}, followed by {@code rest}. */
    public String lists(String rest) {
        return (legacy() ? "/crm/v3/lists" : "/crm/lists/" + name) + rest;
    }

    /** {@code /crm/properties/<v>/contacts} or {@code /crm/v3/properties/contacts}, followed by {@code rest}. */
    public String contactProperties(String rest) {
        return (legacy() ? "/crm/v3/properties/contacts" : "/crm/properties/" + name + "/contacts") + rest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiVersion v && v.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
