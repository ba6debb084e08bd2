package io.weathersync.adapter.http.client;

import io.weathersync.adapter.http.client.FakeHttpServer.Response;
import io.weathersync.application.port.out.ChangeBusContract;
import io.weathersync.application.port.out.ChangeListener;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.application.port.out.ChangeSubscriber;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.wire.ChangeJson;
import io.weathersync.wire.LiveMessage;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.List;

/**
 * The live-bus contract for the HTTP push publisher, received by a stand-in slave endpoint that reads the body
 * with {@link ChangeJson} (the real receive route is the server package's; it can run this same contract).
 */
class HttpPushBusTest extends ChangeBusContract {

    private static final String RECEIVE = "/api/dms/sync/receive";

    private final FakeHttpServer slave = FakeHttpServer.start();
    private final ChangeJson json = new ChangeJson();

    @AfterEach
    void stopSlave() {
        slave.close();
    }

    @Override
    protected ChangePublisher createPublisher() {
        return new HttpPushChangePublisher(() -> List.of(new PushTarget("slave-1", slave.baseUrl())), json,
                new PushSettings(10_000, 500, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(10),
                        Duration.ofMillis(100)), PushAuth.withKey(new byte[32], java.time.Clock.systemUTC()));
    }

    @Override
    protected ChangeSubscriber createSubscriber() {
        return new ChangeSubscriber() {
            @Override
            public void start(ChangeListener listener) {
                slave.on(RECEIVE, request -> {
                    try {
                        LiveMessage message = json.readLive(request.body());
                        listener.onChanges(message.changes());
                        message.rejections().forEach(listener::onRejected);
                        return Response.json(200, "{\"code\":0,\"message\":\"ok\"}");
                    } catch (RejectedMessage e) {
                        listener.onRejected(e);
                        return Response.json(400, "{\"code\":400,\"message\":\"rejected\"}");
                    }
                });
                listener.onConnected();
            }

            @Override
            public void close() {
                slave.off(RECEIVE);
            }
        };
    }
}
