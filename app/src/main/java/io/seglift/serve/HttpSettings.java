package io.seglift.serve;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the HTTP endpoint accepts requests.
 *
 * @param bind                 address to listen on; a loopback address unless a {@code token} is given
 *                             (see {@link #requiresToken})
 * @param port                 port (0 for any free port)
 * @param extraHosts           host names accepted in the {@code Host} header besides localhost, 127.0.0.1 and [::1]
 *                             (e.g. the name a reverse proxy forwards); compared without case. Only checked on a
 *                             loopback address: beyond it the token is what admits a client
 * @param workers              threads that answer requests; a stalled client holds one until the request timeout
 *                             closes it
 * @param maxBodyBytes         largest request body accepted (413 above)
 * @param token                the bearer token {@code /runs} and triggers require, when set
 * @param tokenProtectsMetrics whether {@code /metrics} requires the token too ({@code /health} never does)
 */
public record HttpSettings(InetAddress bind, int port, Set<String> extraHosts, int workers, int maxBodyBytes,
                           Optional<BearerToken> token, boolean tokenProtectsMetrics) {
    /** On the loopback address, local names only, 16 workers, 8 KiB bodies, no token. */
    public static HttpSettings local(int port) {
        return new HttpSettings(InetAddress.getLoopbackAddress(), port, Set.of(), 16, 8192, Optional.empty(), false);
    }

    public HttpSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
        if (workers < 2) throw new IllegalArgumentException("workers must be at least 2, not " + workers);
        if (requiresToken(bind) && token.isEmpty()) {
            throw new IllegalArgumentException("listening on " + bind.getHostAddress()
                    + " (not a loopback address) requires a bearer token");
        }
        if (tokenProtectsMetrics && token.isEmpty()) {
            throw new IllegalArgumentException("protecting /metrics requires a bearer token");
        }
        extraHosts = extraHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The one rule for binding: any address but a loopback one can be reached from other machines. */
    public static boolean requiresToken(InetAddress bind) {
        return !bind.isLoopbackAddress();
    }

    public HttpSettings withExtraHosts(Set<String> hosts) {
        return new HttpSettings(bind, port, hosts, workers, maxBodyBytes, token, tokenProtectsMetrics);
    }

    /** These settings listening on {@code address}, with {@code token} (when present) required as described above. */
    public HttpSettings withAccess(InetAddress address, Optional<BearerToken> bearer, boolean protectMetrics) {
        return new HttpSettings(address, port, extraHosts, workers, maxBodyBytes, bearer, protectMetrics);
    }

    /** Whether requests must carry a Host naming this machine (true on a loopback address, against DNS rebinding). */
    boolean checksHost() {
        return !requiresToken(bind);
    }
}
