package org.gridwarden.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Properties;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Who may open the console: anyone on the machine by default, only with the token on any other address. */
class ConsoleAccessTest {

    private static final Properties NO_BROKER = new Properties();

    static {
        NO_BROKER.put("bootstrap.servers", "127.0.0.1:9");
    }

    @Test
    void anAddressOtherMachinesReach_isRefusedWithoutAToken_inOneLine() {
        ConsoleAccess.Refused refused = assertThrows(ConsoleAccess.Refused.class,
                () -> Console.start(new Console.Settings(NO_BROKER, "alerts.all", "risk.grids", "0.0.0.0", 0, null, 7), Fixtures.reference(), null,
                        Clock.systemUTC()));
        assertTrue(refused.getMessage().startsWith("--bind 0.0.0.0 is reachable from other machines: give an access"
                + " token"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("\n"));
    }

    @Test
    void aLoopbackAddress_needsNoToken() {
        assertTrue(ConsoleAccess.isLoopback("127.0.0.1"));
        assertTrue(ConsoleAccess.isLoopback("::1"));
        assertTrue(!ConsoleAccess.isLoopback("0.0.0.0"));
    }

    @Test
    void withAToken_aBrowserShowsItOnce_thenItsCookieCarriesIt() throws Exception {
        try (Console console = Console.start(new Console.Settings(NO_BROKER, "alerts.all", "risk.grids", "127.0.0.1", 0, "s3cret-token", 7),
                Fixtures.reference(), null, Clock.systemUTC())) {
            HttpClient http = HttpClient.newHttpClient();
            String base = console.url();
            assertEquals(401, get(http, base + "api/layout", null).statusCode());
            assertEquals(401, get(http, base + "?token=wrong", null).statusCode());
            HttpResponse<String> opened = get(http, base + "?token=s3cret-token", null);
            assertEquals(200, opened.statusCode());
            assertTrue(opened.body().contains("console.js"));
            String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("HttpOnly"), cookie);
            String pair = cookie.substring(0, cookie.indexOf(';'));
            HttpResponse<String> layout = get(http, base + "api/layout", pair);
            assertEquals(200, layout.statusCode());
            assertTrue(layout.body().contains("\"S01C01G01\""));
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "api/layout"))
                    .header("Authorization", "Bearer s3cret-token").build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
