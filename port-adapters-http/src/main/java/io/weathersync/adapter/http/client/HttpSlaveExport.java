package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.SlaveExport;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;
import io.weathersync.wire.ChangeJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * A slave's full export over HTTP, as a master restore reads it: {@code GET /api/dms/digest}, and with
 * {@code Authorization: Bearer} that slave's {@code ADMIN_TOKEN} {@code GET /api/dms/export?after&limit} and
 * {@code GET /api/dms/export/registry}. A failure is a {@link MasterUnavailableException} naming the slave and the
 * reason (unreachable, refused with the slave's own message, malformed), never the token.
 */
public final class HttpSlaveExport implements SlaveExport, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String url;
    private final String authorization;
    private final ChangeJson json;
    private final HttpClient client = HttpCalls.newClient(Duration.ofSeconds(5));

    /** The export of the slave at {@code url}, read with {@code adminToken} (that slave's own). */
    public HttpSlaveExport(String url, String adminToken, ChangeJson json) {
        this.url = HttpCalls.baseUrl("--from", url);
        this.authorization = "Bearer " + adminToken;
        this.json = json;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public Digest digest() {
        JsonNode reply = call("/api/dms/digest", "GET /api/dms/digest");
        try {
            JsonNode stream = reply.get("stream");
            return new Digest(stream == null || stream.isNull() ? null : new StreamId(stream.asText()),
                    reply.get("applied_seq").asLong(), reply.get("rows").asLong(), reply.get("hash").asText());
        } catch (RuntimeException e) {
            throw new MasterUnavailableException("GET /api/dms/digest: malformed reply from the slave at " + url);
        }
    }

    @Override
    public ChangePage changesAfter(long after, int limit) {
        String what = "GET /api/dms/export";
        return MasterReplies.changePage(MasterReplies.data(call("/api/dms/export?after=" + after + "&limit=" + limit,
                what), what), json, what);
    }

    @Override
    public RegistryBackup registry() {
        String what = "GET /api/dms/export/registry";
        return MasterReplies.registry(MasterReplies.data(call("/api/dms/export/registry", what), what), json, what);
    }

    private JsonNode call(String pathAndQuery, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + pathAndQuery))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(TIMEOUT)
                .GET()
                .build();
        PeerCall answer = PeerCall.send(client, request, TIMEOUT, json, "the slave at " + url, what);
        if (answer.status() / 100 != 2) {
            throw new MasterUnavailableException(what + ": the slave at " + url + " answered HTTP " + answer.status()
                    + MasterReplies.message(answer.reply()));
        }
        if (answer.reply() == null) {
            throw new MasterUnavailableException(what + ": the slave at " + url + " answered no JSON");
        }
        return answer.reply();
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
