package org.gridwarden.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The few calls of Flink's REST API that submitting, watching and cancelling a job need. */
final class FlinkRest {

    /** What {@code GET /overview} says about the cluster. */
    record Overview(int taskManagers, int slotsTotal, int slotsAvailable) {}

    /**
     * {@code GET /jobs/<id>}: the job's state, and whether every task of every vertex runs (a job is RUNNING as
     * soon as it is scheduled; its tasks run only once they have slots and have restored their state).
     */
    record JobStatus(String state, boolean allTasksRunning) {}

    /** {@code GET /jobs/<id>/checkpoints}: completed and restored counts and the latest restored checkpoint id. */
    record Checkpoints(int completed, int restored, Long lastRestoredId) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FlinkRest(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    boolean isUp() {
        try {
            return http.send(get("/overview"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Overview overview() {
        JsonNode n = call(get("/overview"), 200);
        return new Overview(n.path("taskmanagers").asInt(), n.path("slots-total").asInt(), n.path("slots-available").asInt());
    }

    /** {@code POST /jars/upload}; returns the jar id for {@link #runJar}. */
    String uploadJar(Path jar) throws IOException {
        String boundary = "gridwarden-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(jar));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/jars/upload")).timeout(CALL_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        String file = call(request, 200).path("filename").asText();
        return Path.of(file).getFileName().toString();
    }

    /** {@code POST /jars/<id>/run} with the jar's manifest main class; returns the job id. */
    String runJar(String jarId, List<String> programArgs) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/jars/" + jarId + "/run")).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("programArgsList", programArgs)))).build();
        return call(request, 200).path("jobid").asText();
    }

    JobStatus job(String jobId) {
        JsonNode n = call(get("/jobs/" + jobId), 200);
        boolean allRunning = n.path("vertices").size() > 0;
        for (JsonNode vertex : n.path("vertices")) {
            allRunning &= vertex.path("status").asText().equals("RUNNING");
        }
        return new JobStatus(n.path("state").asText(), allRunning);
    }

    Checkpoints checkpoints(String jobId) {
        JsonNode n = call(get("/jobs/" + jobId + "/checkpoints"), 200);
        JsonNode restored = n.path("latest").path("restored");
        return new Checkpoints(n.path("counts").path("completed").asInt(), n.path("counts").path("restored").asInt(),
                restored.isObject() ? restored.path("id").asLong() : null);
    }

    /** {@code PATCH /jobs/<id>?mode=cancel}. */
    void cancel(String jobId) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/jobs/" + jobId + "?mode=cancel")).timeout(CALL_TIMEOUT)
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build();
        call(request, 202);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(CALL_TIMEOUT).GET().build();
    }

    private JsonNode call(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
