package org.gridwarden.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gridwarden.connectors.codec.AlertCodec;
import org.gridwarden.connectors.codec.Json;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.risk.GridRisk;

/**
 * The operations center's console (社会管理服务中心 值班台): a web page of the live alert feed, today's counts
 * and the risk map, fed from the live job's topics ({@code alerts.all}, {@code risk.grids}) and pushed to every
 * open page by server-sent events. Everything the page needs is served from here; nothing comes from the
 * internet.
 */
public final class Console implements AutoCloseable {

    /**
     * @param kafkaClient {@code bootstrap.servers} and any client settings (security) the readers need
     * @param alertsTopic the operations center's topic of every alert ({@code alerts.all})
     * @param riskTopic the compacted topic of the grids' risk indices ({@code risk.grids})
     * @param bind the address to listen on; any but a loopback one needs {@code token}
     * @param port 0 for any free one
     * @param token the access token, or null on a loopback address
     * @param days the days before today the averages cover, and that the feed and the map keep
     */
    public record Settings(Properties kafkaClient, String alertsTopic, String riskTopic, String bind, int port,
            String token, int days) {}

    /** How many alerts a page gets when it opens; later ones arrive as they come. */
    static final int SNAPSHOT_ALERTS = 500;

    private final ObjectMapper json = Json.newMapper();
    private final AlertCodec codec = new AlertCodec();
    private final EventHub hub = new EventHub();
    private final AlertFeed feed;
    private final RiskBoard risk = new RiskBoard();
    private final String layout;
    private final AtomicBoolean countsChanged = new AtomicBoolean();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-counts");
        t.setDaemon(true);
        return t;
    });
    private final BrokerWatch broker;
    private final TopicReader alertsReader;
    private final TopicReader riskReader;
    private final Javalin app;
    private final String bind;

    private Console(Settings settings, ReferenceData reference, Path referenceDir, Clock clock) throws Exception {
        this.bind = settings.bind();
        ConsoleAccess access = ConsoleAccess.forBind(settings.bind(), settings.token());
        this.feed = new AlertFeed(reference.zone(), clock, settings.days());
        this.layout = json.writeValueAsString(GridLayout.of(reference, referenceDir, json));
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/console";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(access::check);
        app.get("/api/layout", ctx -> ctx.contentType("application/json").result(layout));
        app.get("/api/grids/{gridId}", ctx -> ctx.contentType("application/json").result(grid(ctx.pathParam("gridId"))));
        app.sse("/events", client -> hub.join(client, c -> c.sendEvent("snapshot", snapshot())));
        app.start(settings.bind(), settings.port());

        Properties client = settings.kafkaClient();
        this.broker = new BrokerWatch(client, up -> hub.broadcast("status", status(up)));
        this.alertsReader = new TopicReader(client, settings.alertsTopic(), feed.readFrom().toEpochMilli(),
                r -> alertArrived(codec.decodeAlert(r.value()), Instant.ofEpochMilli(r.timestamp())));
        this.riskReader = new TopicReader(client, settings.riskTopic(), 0,
                r -> riskArrived(codec.decodeRisk(r.value())));
        ticker.scheduleWithFixedDelay(this::sendCounts, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts the console; it serves until {@link #close()}. */
    public static Console start(Settings settings, ReferenceData reference, Path referenceDir, Clock clock)
            throws Exception {
        return new Console(settings, reference, referenceDir, clock);
    }

    /** Where a browser on this machine opens it. */
    public String url() {
        String host = ConsoleAccess.isAnyAddress(bind) ? "localhost" : bind.contains(":") ? "[" + bind + "]" : bind;
        return "http://" + host + ":" + port() + "/";
    }

    /** The port it listens on (the one given, or the free one it took). */
    public int port() {
        return app.port();
    }

    private void alertArrived(Alert alert, Instant at) {
        feed.add(alert, at);
        countsChanged.set(true);
        hub.broadcast("alert", codec.toJson(alert));
    }

    private void riskArrived(GridRisk r) {
        if (risk.put(r)) {
            hub.broadcast("risk", codec.toJson(r));
        }
    }

    private void sendCounts() {
        if (countsChanged.getAndSet(false) && hub.watching() > 0) {
            hub.broadcast("counts", codec.toJson(feed.counts()));
        }
    }

    private String snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("broker", broker == null || broker.up());
        s.put("alerts", feed.newest(SNAPSHOT_ALERTS));
        s.put("counts", feed.counts());
        s.put("risk", risk.all());
        return codec.toJson(s);
    }

    private String grid(String gridId) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("gridId", gridId);
        g.put("risk", risk.of(gridId));
        g.put("alerts", feed.ofGrid(gridId, 10));
        return codec.toJson(g);
    }

    private static String status(boolean up) {
        return "{\"broker\":" + up + "}";
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        riskReader.close();
        alertsReader.close();
        broker.close();
        app.stop();
    }
}
