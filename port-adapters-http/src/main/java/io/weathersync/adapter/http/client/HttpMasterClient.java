package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.MasterRefusedException;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.wire.ChangeJson;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A slave's client of its master over HTTP (DESIGN "HTTP API", seed 002): every call carries
 * {@code Authorization: AK-SK key:secret}; replies are {@code {"code":0,"message":…,"data":…}}. Anything but a
 * good reply (non-2xx, a non-zero code, I/O error, timeout, malformed body) is a
 * {@link MasterUnavailableException} saying which, never containing the secret; a refusal of this slave (401, or
 * 403 for a disabled node) is its {@link MasterRefusedException}, saying what the operator can do. With several
 * master URLs (an active master and its standbys on one database) a call that finds its master unavailable (or a
 * standby answering 503) tries the next URL, and the client stays with the one that answered; a refusal of the
 * credentials is not retried elsewhere.
 */
public final class HttpMasterClient implements MasterClient, AutoCloseable {

    /** Default time to connect. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Default time for a whole exchange; a catch-up page can be large. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(HttpMasterClient.class.getName());

    private final List<String> baseUrls;
    private final AtomicInteger current = new AtomicInteger();
    private final String authorization;
    private final ChangeJson json;
    private final Duration requestTimeout;
    private final HttpClient client;
    private volatile PushAuth pushAuth;

    /** A client with the default timeouts. */
    public HttpMasterClient(String baseUrl, String apiKey, String apiSecret, ChangeJson json) {
        this(baseUrl, apiKey, apiSecret, json, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * A client of the master at {@code baseUrl} ({@code CASCADE_PARENT_URL}) with this slave's credentials.
     *
     * @throws IllegalArgumentException naming the setting that is missing or malformed (never echoing it)
     */
    public HttpMasterClient(String baseUrl, String apiKey, String apiSecret, ChangeJson json,
                            Duration connectTimeout, Duration requestTimeout) {
        this(Collections.singletonList(baseUrl), apiKey, apiSecret, json, connectTimeout, requestTimeout);
    }

    /**
     * A client of the masters at {@code baseUrls} (the active one and its standbys, in the order tried first) with
     * this slave's credentials.
     *
     * @throws IllegalArgumentException naming the setting that is missing or malformed (never echoing a secret)
     */
    public HttpMasterClient(List<String> baseUrls, String apiKey, String apiSecret, ChangeJson json,
                            Duration connectTimeout, Duration requestTimeout) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("CASCADE_PARENT_URL: required");
        }
        this.baseUrls = baseUrls.stream().map(url -> HttpCalls.baseUrl("CASCADE_PARENT_URL", url)).toList();
        this.authorization = "AK-SK " + credential("CASCADE_API_KEY", apiKey, true) + ":"
                + credential("CASCADE_API_SECRET", apiSecret, false);
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.client = HttpCalls.newClient(connectTimeout);
    }

    /**
     * Hands the {@code push_key} of each heartbeat reply to {@code auth}, which then admits this master's pushes.
     *
     * @return this client
     */
    public HttpMasterClient learnPushKeyInto(PushAuth auth) {
        this.pushAuth = auth;
        return this;
    }

    @Override
    public ChangePage changesAfter(long after, int limit) {
        if (after < 0 || limit < 1) {
            throw new IllegalArgumentException("after must be ≥ 0 and limit ≥ 1, were " + after + " and " + limit);
        }
        String what = "GET /api/v1/cascade/changes";
        JsonNode data = call("/api/v1/cascade/changes?after=" + after + "&limit=" + limit,
                HttpRequest.Builder::GET, what);
        return MasterReplies.changePage(data, json, what);
    }

    @Override
    public RegistryBackup registry() {
        String what = "GET /api/v1/cascade/registry";
        JsonNode data = call("/api/v1/cascade/registry", HttpRequest.Builder::GET, what);
        return MasterReplies.registry(data, json, what);
    }

    @Override
    public HeartbeatReply heartbeat(Heartbeat heartbeat) {
        ObjectNode body = json.mapper().createObjectNode();
        body.put("stream", heartbeat.stream() == null ? null : heartbeat.stream().value());
        body.put("applied_seq", heartbeat.appliedSeq());
        body.put("last_sync", heartbeat.lastSync() == null ? null : heartbeat.lastSync().toString());
        body.put("uptime", heartbeat.uptime().toSeconds());
        body.put("version", heartbeat.version());
        body.put("host", heartbeat.host());
        body.put("port", heartbeat.port());
        String what = "POST /api/v1/cascade/heartbeat";
        JsonNode data = call("/api/v1/cascade/heartbeat", post(body), what);
        HeartbeatReply reply = MasterReplies.heartbeatReply(data, what);
        PushAuth learner = pushAuth;
        JsonNode pushKey = data.get("push_key");
        if (learner != null && pushKey != null && pushKey.isTextual()) {
            learner.learn(pushKey.textValue());
        }
        return reply;
    }

    @Override
    public void reportResult(SyncLogEntry entry) {
        ObjectNode body = json.mapper().createObjectNode();
        body.put("task_id", entry.taskId().isEmpty() ? UUID.randomUUID().toString() : entry.taskId());
        ObjectNode result = body.putArray("results").addObject();
        result.put("node_id", entry.nodeId());
        result.put("operation", entry.operation().wireName());
        result.put("success", entry.success());
        result.put("from_seq", entry.fromSeq());
        result.put("to_seq", entry.toSeq());
        result.put("count", entry.count());
        result.put("detail", entry.detail());
        result.put("timestamp", entry.startedAt().toString());
        body.put("timestamp", entry.completedAt().toString());
        call("/api/v1/cascade/report-result", post(body), "POST /api/v1/cascade/report-result");
    }

    /**
     * {@code POST /api/dms/slaves/{slave_name}/sync} with {@code {"city","start_date","end_date"}}: an empty
     * body for no repair, else the range's instants (and its city, if it has one), so the master re-sends exactly
     * that range. The reply's {@code data} is {@code {"from_seq","to_seq","pushed","resent"}}.
     */
    @Override
    public SyncOutcome requestSync(String slaveName, Optional<ReadingRange> repair) {
        Objects.requireNonNull(slaveName, "slaveName");
        ObjectNode body = json.mapper().createObjectNode();
        repair.ifPresent(range -> {
            range.onlyCity().ifPresent(city -> body.put("city", city.name()));
            body.put("start_date", range.start().toString());
            body.put("end_date", range.end().toString());
        });
        String what = "POST /api/dms/slaves/" + slaveName + "/sync";
        String segment = URLEncoder.encode(slaveName, StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode data = call("/api/dms/slaves/" + segment + "/sync", post(body), what);
        return MasterReplies.syncOutcome(data, what);
    }

    private static UnaryOperator<HttpRequest.Builder> post(ObjectNode body) {
        return builder -> builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /**
     * Sends the request to the master answering last and returns the reply's {@code data} (possibly null); when it
     * is unavailable, to the next master URL, and so on once round.
     */
    private JsonNode call(String pathAndQuery, UnaryOperator<HttpRequest.Builder> method, String what) {
        int first = current.get();
        MasterUnavailableException failure = null;
        for (int i = 0; i < baseUrls.size(); i++) {
            int index = (first + i) % baseUrls.size();
            try {
                JsonNode data = callOne(baseUrls.get(index),
                        method.apply(HttpRequest.newBuilder(URI.create(baseUrls.get(index) + pathAndQuery))), what);
                if (index != first && current.compareAndSet(first, index)) {
                    LOG.log(System.Logger.Level.WARNING, "following the master at {0} now ({1})",
                            baseUrls.get(index), failure.getMessage());
                }
                return data;
            } catch (MasterRefusedException e) {
                throw e;
            } catch (MasterUnavailableException e) {
                failure = e;
            }
        }
        throw failure;
    }

    /** Sends the request to the master at {@code baseUrl}; the reply's {@code data} (possibly null). */
    private JsonNode callOne(String baseUrl, HttpRequest.Builder builder, String what) {
        HttpRequest request = builder.header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(requestTimeout)
                .build();
        PeerCall answer = PeerCall.send(client, request, requestTimeout, json, "master at " + baseUrl, what);
        JsonNode reply = answer.reply();
        int status = answer.status();
        String message = MasterReplies.message(reply);
        // 401: the credentials; 403 "node is disabled": the node (the master's other 403s refuse one request only).
        if (status == 401 || status == 403 && message.contains("node is disabled")) {
            throw refused(status, message);
        }
        if (status / 100 != 2) {
            throw new MasterUnavailableException(what + ": master answered HTTP " + status + message);
        }
        return MasterReplies.data(reply, what);
    }

    /** What a 401 or 403 means for this slave, and what its operator can do. */
    private static MasterRefusedException refused(int status, String message) {
        String remedy = status == 401
                ? "its credentials were re-issued, or its node deleted: set CASCADE_API_KEY and CASCADE_API_SECRET to "
                        + "the ones the master issued last"
                : "its node is disabled: an operator can enable it (POST /api/v1/cascade/nodes/{id}/enable)";
        return new MasterRefusedException("the master refuses this slave (HTTP " + status + message + "); " + remedy);
    }

    private static String credential(String field, String value, boolean isKey) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c == 0x7f) || isKey && value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(field + ": must not contain spaces, control characters"
                    + (isKey ? " or ':'" : ""));
        }
        return value;
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
