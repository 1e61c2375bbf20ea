package io.seglift.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The address {@code serve} listens on, read from an IP literal only: a host name would need a DNS lookup at start,
 * and the address to bind is a property of this machine, not of a name.
 */
public final class BindAddress {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private BindAddress() {
    }

    /**
     * {@code text} as an address: an IPv4 or IPv6 literal (brackets allowed), or {@code localhost} for the loopback
     * address; throws {@link IllegalArgumentException} naming what is allowed.
     */
    public static InetAddress parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("localhost")) return InetAddress.getLoopbackAddress();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        if (IPV4.matcher(t).matches() || IPV6.matcher(t).matches()) {
            try {
                return InetAddress.getByName(t); // a literal: parsed, never looked up
            } catch (UnknownHostException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IP address; write an address of this machine such as"
                + " 127.0.0.1 (the default), 0.0.0.0 (every IPv4 interface) or :: (every interface), not a host name");
    }

    /** {@code address} as written in a URL's authority: IPv6 in brackets. */
    public static String authority(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
