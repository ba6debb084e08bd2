package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.wire.LiveMessageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The live-message contract over HTTP: raw bodies POSTed to a real Helidon server on port 0 serving a slave's
 * receive route. What the route delivers is what it hands the use case; what it rejects is its 200's
 * {@code rejected} list, or the whole body when it answers 400 or 413 (a body refused whole is MALFORMED).
 */
class HttpLiveMessageTest extends LiveMessageContract {

    private static final List<SignedChange> DELIVERED = new CopyOnWriteArrayList<>();
    private static final List<RejectedMessage> COUNTED = new CopyOnWriteArrayList<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static HttpNode node;

    @BeforeAll
    static void start() {
        node = HttpNode.start("127.0.0.1", 0, routing -> {
            ErrorReplies.install(routing);
            routing.register(new ReceiveRoutes(new ReceiveChangesUseCase() {
                @Override
                public void receive(List<SignedChange> changes) {
                    DELIVERED.addAll(changes);
                }

                @Override
                public void rejected(RejectedMessage rejection) {
                    COUNTED.add(rejection);
                }
            }, push -> {
                throw new AssertionError("no pushed page is sent here");
            }, TestPush.AUTH));
        });
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    @Override
    protected Outcome send(byte[] message) throws Exception {
        int before = DELIVERED.size();
        int countedBefore = COUNTED.size();
        // Expect: 100-continue lets the server refuse an oversize body on its Content-Length before it is sent,
        // as a master's push would see it; without it the refusal can race the client still writing.
        HttpRequest.Builder signed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                + "/api/dms/sync/receive"));
        TestPush.AUTH.sign("POST", "/api/dms/sync/receive", message).forEach(signed::header);
        HttpRequest request = signed
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message))
                .build();
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode reply = JSON.mapper().readTree(response.body());
        List<SignedChange> all = List.copyOf(DELIVERED);
        List<SignedChange> delivered = all.subList(before, all.size());
        return switch (response.statusCode()) {
            case 200 -> {
                assertThat(reply.get("received").asInt()).as("received").isEqualTo(delivered.size());
                yield counted(countedBefore, new Outcome(delivered, rejections(reply.get("rejected"))));
            }
            case 400, 413 -> {
                assertThat(delivered).as("delivered with a refusal").isEmpty();
                // Every element unreadable: a 400 listing them; not a message at all: refused whole.
                yield counted(countedBefore, reply.has("rejected") ? new Outcome(delivered, rejections(reply.get("rejected")))
                        : new Outcome(delivered, List.of(new RejectedMessage(Kind.MALFORMED, reply.get("error").asText()))));
            }
            default -> fail("HTTP " + response.statusCode() + ": " + reply);
        };
    }

    /** The route counts with the use case exactly the element rejections it answers (a whole refusal: none). */
    private static Outcome counted(int before, Outcome outcome) {
        List<RejectedMessage> counted = List.copyOf(COUNTED).subList(before, COUNTED.size());
        boolean whole = outcome.rejected().size() == 1 && counted.isEmpty();
        if (!whole) {
            assertThat(counted).extracting(RejectedMessage::getMessage)
                    .containsExactlyElementsOf(outcome.rejected().stream().map(RejectedMessage::getMessage).toList());
        }
        return outcome;
    }

    private static List<RejectedMessage> rejections(JsonNode rejected) {
        List<RejectedMessage> rejections = new ArrayList<>();
        if (rejected != null) {
            rejected.forEach(entry -> rejections.add(new RejectedMessage(
                    Kind.valueOf(entry.get("kind").asText().toUpperCase(Locale.ROOT)), entry.get("reason").asText())));
        }
        return rejections;
    }
}
