package io.seglift.spi.destination;

import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;

import java.util.List;

/**
 * Creates {@link Destination}s of one type. Found with {@link java.util.ServiceLoader}; a factory must have a public
 * no-argument constructor and do no I/O until {@link #create}.
 */
public interface DestinationFactory {

    /** The {@code type:} value in the project file's {@code destinations:} block, e.g. {@code hubspot}. */
    String type();

    /** One line for {@code --help} and the guide, e.g. "HubSpot CRM: static contact lists and contact properties". */
    String description();

    /**
     * The keys of this destination's block. Every destination accepts {@code base_url} (so it can be pointed at a
     * sandbox) and declares its secrets with {@link io.seglift.spi.settings.ConfigKey.Type#SECRET}.
     */
    ConfigSpec configSpec();

    /**
     * The connector's version, shown by {@code seglift schema}; by default the implementation version of its jar's
     * manifest, else {@code "dev"}.
     */
    default String version() {
        String v = getClass().getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * What destinations created from {@code settings} can do: the engine sizes batches, paces requests and picks modes
     * from it. No I/O and no destination instance; settings are validated against {@link #configSpec()}.
     */
    Capabilities capabilities(Settings settings);

    /** Creates a destination from validated settings. No network calls happen here; see {@link Destination#check()}. */
    Destination create(Settings settings, DestinationContext context);

    /**
     * Problems with settings that the {@link #configSpec()} alone cannot express (ranges, combinations), each a
     * sentence naming the key and what is allowed, e.g. {@code "max_batch_size: 20000 is above the API's 10000"}.
     * {@code seglift validate} reports them, so a value it accepts is never refused later by a sync. No I/O.
     */
    default List<String> validate(Settings settings) {
        return List.of();
    }
}
