/** Time for connectors and the engine: the {@link io.seglift.spi.time.Sleeper} every wait goes through. */
package io.seglift.spi.time;
