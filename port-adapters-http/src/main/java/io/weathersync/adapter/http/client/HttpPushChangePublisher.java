package io.weathersync.adapter.http.client;

import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.wire.ChangeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The master's live transport when no Redis is configured (DESIGN "Sync protocol" 5): each published batch
 * goes to every active slave as a JSON array of signed changes, {@code POST {api_url}/api/dms/sync/receive}
 * with header {@code X-Master-Stream}. Each slave has its own bounded queue and virtual thread, so a slow or
 * dead slave never slows the master or the other slaves; overflow is dropped and counted (at most once, as
 * the port says: slaves repair from the log).
 */
public final class HttpPushChangePublisher implements ChangePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPushChangePublisher.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final Supplier<List<PushTarget>> targets;
    private final ChangeJson json;
    private final PushSettings settings;
    private final HttpClient client;
    private final PushAuth auth;
    private final Map<String, SlaveSender> senders = new LinkedHashMap<>();
    private boolean closed;
    private boolean lookupFailing;

    /**
     * A publisher to the slaves {@code targets} lists at each publish (it should be cheap: it runs on the
     * write path).
     */
    public HttpPushChangePublisher(Supplier<List<PushTarget>> targets, ChangeJson json, PushSettings settings,
                                   PushAuth auth) {
        this.auth = auth;
        this.targets = targets;
        this.json = json;
        this.settings = settings;
        this.client = HttpCalls.newClient(settings.connectTimeout());
    }

    @Override
    public synchronized void publish(List<SignedChange> changes) {
        if (closed || changes.isEmpty()) {
            return;
        }
        refreshTargets();
        List<SignedChange> copy = List.copyOf(changes);
        senders.values().forEach(sender -> sender.offer(copy));
    }

    /** Per slave name: what was sent, failed and dropped, and what is queued. */
    public synchronized Map<String, PushCounters> counters() {
        Map<String, PushCounters> counters = new LinkedHashMap<>();
        senders.forEach((name, sender) -> counters.put(name, sender.counters()));
        return counters;
    }

    // Starts senders for new slaves, replaces those whose URL changed, stops those no longer listed.
    private void refreshTargets() {
        List<PushTarget> current;
        try {
            current = targets.get();
            lookupFailing = false;
        } catch (RuntimeException e) {
            if (!lookupFailing) {
                LOG.warn("push: cannot list slaves ({}); pushing to the last known ones", HttpCalls.describe(e));
            }
            lookupFailing = true;
            return;
        }
        Set<String> names = new HashSet<>();
        for (PushTarget target : current) {
            names.add(target.name());
            SlaveSender sender = senders.get(target.name());
            if (sender == null || !sender.target().equals(target)) {
                if (sender != null) {
                    sender.stop();
                }
                senders.put(target.name(), new SlaveSender(target, settings, client, json, auth));
                LOG.info("push: sending live changes to slave {} at {}", target.name(), target.apiUrl());
            }
        }
        senders.entrySet().removeIf(entry -> {
            boolean gone = !names.contains(entry.getKey());
            if (gone) {
                entry.getValue().stop();
                LOG.info("push: slave {} is no longer active; stopped sending to it", entry.getKey());
            }
            return gone;
        });
    }

    @Override
    public void close() {
        List<SlaveSender> stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = List.copyOf(senders.values());
        }
        stopping.forEach(SlaveSender::stop);
        try {
            for (SlaveSender sender : stopping) {
                sender.awaitStopped(STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.shutdownNow();
    }
}
