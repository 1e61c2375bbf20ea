package io.seglift.config;

import io.seglift.spi.destination.Destination;
import io.seglift.spi.destination.DestinationContext;
import io.seglift.spi.destination.DestinationFactory;
import io.seglift.spi.settings.ConfigKey;
import io.seglift.spi.settings.ConfigSpec;
import io.seglift.spi.settings.Settings;

import java.util.List;

/** A destination type for reader tests: only its spec matters; config tests never create destinations. */
final class FakeDestinationFactory implements DestinationFactory {
    private final String type;

    FakeDestinationFactory(String type) {
        this.type = type;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String description() {
        return "test destination " + type;
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.of(
                ConfigKey.required("token", ConfigKey.Type.SECRET, "private app token"),
                ConfigKey.optional("base_url", ConfigKey.Type.URL, null, "API base URL"),
                ConfigKey.optional("batch_size", ConfigKey.Type.INTEGER, "100", "members per request"),
                new ConfigKey("list_kind", ConfigKey.Type.ENUM, false, "static", "list kind",
                        List.of("static", "dynamic")));
    }

    @Override
    public io.seglift.spi.destination.Capabilities capabilities(Settings settings) {
        throw new UnsupportedOperationException("config tests never read capabilities");
    }

    @Override
    public Destination create(Settings settings, DestinationContext context) {
        throw new UnsupportedOperationException("config tests never create destinations");
    }
}
