package io.seglift.sync;

import io.seglift.config.ProjectConfig;
import io.seglift.config.SyncConfig;
import io.seglift.spi.destination.RateLimit;
import io.seglift.spi.destination.SyncMode;
import io.seglift.spi.settings.Secret;
import io.seglift.spi.settings.Settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The fixture project pointed at a HubSpot sandbox. */
final class HubSpotSync {
    static final String LIST_NAME = "Seglift · acme · " + SyncFixture.SEGMENT;

    private HubSpotSync() {
    }

    static SyncConfig sync() {
        return SyncFixture.sync(SyncMode.MIRROR, Map.of());
    }

    static ProjectConfig project(Path dir, URI sandbox, Optional<RateLimit> rateLimit) {
        Settings settings = new Settings("crm", "hubspot", Map.of("token", Secret.of("${env:HUBSPOT_TOKEN}", "pat-test"),
                "base_url", sandbox.toString()));
        return SyncFixture.project(dir, SyncFixture.segment(true), sync(), settings, rateLimit);
    }
}
