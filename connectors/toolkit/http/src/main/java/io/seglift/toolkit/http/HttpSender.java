package io.seglift.toolkit.http;

import io.seglift.spi.destination.RetriableDestinationException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;

/**
 * Sends requests with a timeout and turns transport failures (connection refused, connect or read timeout, reset)
 * into {@link RetriableDestinationException}s whose message says what failed and where, without the URL's query.
 */
public final class HttpSender {
    private final HttpClient http;
    private final Duration timeout;
    private final String vendor;

    /** @param vendor the name in messages, e.g. {@code HubSpot} */
    public HttpSender(HttpClient http, Duration timeout, String vendor) {
        this.http = http;
        this.timeout = timeout;
        this.vendor = vendor;
    }

    /** Sends {@code request} (its timeout set here) and returns the answer as text; {@code what} names the call. */
    public HttpResponse<String> send(HttpRequest.Builder request, String what) {
        HttpRequest r = request.timeout(timeout).build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RetriableDestinationException(code(e), vendor + " " + what + " failed: " + describe(e, timeout)
                    + " (" + r.uri().getScheme() + "://" + r.uri().getAuthority() + ")", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableDestinationException("INTERRUPTED", "interrupted while calling " + vendor + " " + what, null, e);
        }
    }

    /** A short machine code for a transport failure. */
    static String code(IOException e) {
        if (e instanceof HttpConnectTimeoutException) return "CONNECT_TIMEOUT";
        if (e instanceof HttpTimeoutException) return "TIMEOUT";
        if (rootOf(e) instanceof ConnectException || rootOf(e) instanceof NoRouteToHostException
                || rootOf(e) instanceof UnknownHostException) return "CONNECT";
        return "IO";
    }

    /** What failed in words, e.g. "connection refused", never "null". */
    public static String describe(IOException e, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException) return "connect timed out";
        if (e instanceof HttpTimeoutException) return "no answer within " + timeout.toMillis() + " ms";
        Throwable root = rootOf(e);
        if (root instanceof UnknownHostException) return "unknown host";
        if (root instanceof NoRouteToHostException) return "no route to host";
        if (root instanceof ConnectException) return "connection refused";
        if (root instanceof ClosedChannelException) return "connection closed by the server";
        String m = root.getMessage();
        if (root instanceof SocketException && m != null) return "connection failed: " + m.toLowerCase(java.util.Locale.ROOT);
        if (m != null && !m.isBlank()) return m;
        return e.getClass() == IOException.class ? "connection closed before an answer" : root.getClass().getSimpleName();
    }

    private static Throwable rootOf(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c && !(c instanceof ConnectException)) c = c.getCause();
        return c;
    }
}
