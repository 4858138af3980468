package org.gridwarden.console;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may open the console. On a loopback address anyone on the machine may (the default); on any other address
 * only a browser that shows the access token: once in the address ({@code /?token=...}), after which a cookie
 * carries it, or in an {@code Authorization: Bearer} header (a reverse proxy or a script).
 */
final class ConsoleAccess {

    static final String COOKIE = "gridwarden_console";
    static final String QUERY = "token";

    private final String token;

    private ConsoleAccess(String token) {
        this.token = token;
    }

    /** The access rules for a server bound to {@code bind}; refused with one clear line when they are unsafe. */
    static ConsoleAccess forBind(String bind, String token) {
        if (token != null && token.isBlank()) {
            throw new Refused("the access token is empty");
        }
        if (token == null && !isLoopback(bind)) {
            throw new Refused("--bind " + bind + " is reachable from other machines: give an access token"
                    + " (--token-file FILE or GRIDWARDEN_CONSOLE_TOKEN), or bind 127.0.0.1 behind a reverse proxy");
        }
        return new ConsoleAccess(token);
    }

    static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new Refused("--bind " + bind + ": not an address of this machine");
        }
    }

    static boolean isAnyAddress(String bind) {
        try {
            return InetAddress.getByName(bind).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Before every request: lets it through, or answers 401 without naming what was wrong. */
    void check(Context ctx) {
        if (token == null) {
            return;
        }
        String fromQuery = ctx.queryParam(QUERY);
        if (fromQuery != null && matches(fromQuery)) {
            // Secure behind a TLS proxy too, which says so in X-Forwarded-Proto
            boolean tls = "https".equals(ctx.scheme()) || "https".equals(ctx.header("X-Forwarded-Proto"));
            ctx.cookie(new Cookie(COOKIE, token, "/", -1, tls, 0, true, null, null, SameSite.STRICT));
            return;
        }
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ") && matches(header.substring(7).trim())) {
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null && matches(cookie)) {
            return;
        }
        throw new UnauthorizedResponse("open the console with its access token: /?token=...");
    }

    private boolean matches(String given) {
        // constant time, so the token cannot be guessed character by character
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** An unsafe or impossible way to serve the console; its message is the one line the command prints. */
    static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }
}
