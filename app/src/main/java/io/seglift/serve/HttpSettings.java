package io.seglift.serve;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the HTTP endpoint accepts requests.
 *
 * @param port         port on 127.0.0.1 (0 for any free port)
 * @param extraHosts   host names accepted in the {@code Host} header besides localhost, 127.0.0.1 and [::1]
 *                     (e.g. the name a reverse proxy forwards); compared without case
 * @param workers      threads that answer requests; a stalled client holds one until the request timeout closes it
 * @param maxBodyBytes largest request body accepted (413 above)
 */
public record HttpSettings(int port, Set<String> extraHosts, int workers, int maxBodyBytes) {
    /** Local names only, 16 workers, 8 KiB bodies. */
    public static HttpSettings local(int port) {
        return new HttpSettings(port, Set.of(), 16, 8192);
    }

    public HttpSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
        if (workers < 2) throw new IllegalArgumentException("workers must be at least 2, not " + workers);
        extraHosts = extraHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public HttpSettings withExtraHosts(Set<String> hosts) {
        return new HttpSettings(port, hosts, workers, maxBodyBytes);
    }
}
