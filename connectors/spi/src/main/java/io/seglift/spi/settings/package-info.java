/**
 * Typed, immutable settings for connectors: a {@link io.seglift.spi.settings.ConfigSpec} declares the keys a connector
 * takes (type, default, whether secret), and {@link io.seglift.spi.settings.Settings} carries the resolved values.
 * Secrets are {@link io.seglift.spi.settings.Secret}s, which never print their value.
 */
package io.seglift.spi.settings;
