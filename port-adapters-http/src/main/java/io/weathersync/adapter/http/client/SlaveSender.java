package io.weathersync.adapter.http.client;

import io.weathersync.adapter.http.trace.TraceParent;
import io.weathersync.adapter.http.trace.Traces;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.StreamId;
import io.weathersync.wire.ChangeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One slave's bounded queue and the virtual thread that drains it, so a slow or dead slave only ever delays
 * itself. A failed POST is retried with backoff until it succeeds or the slave refuses it with a 4xx; changes a
 * slave takes but rejects one by one (its 200 names them) are not retried either: it catches up. Each change keeps
 * the trace it was published in (a poll cycle's, a publish request's), and a POST carries the trace of its first
 * change, so the slave logs the trace of the cycle or request that made the change.
 */
final class SlaveSender {

    private static final Logger LOG = LoggerFactory.getLogger(SlaveSender.class);
    static final String RECEIVE_PATH = "/api/dms/sync/receive";
    static final String STREAM_HEADER = "X-Master-Stream";

    private final PushTarget target;
    private final PushSettings settings;
    private final HttpClient client;
    private final ChangeJson json;
    private final PushAuth auth;
    private final URI uri;
    private final BlockingQueue<Queued> queue;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean overflowing;
    private boolean rejecting;

    SlaveSender(PushTarget target, PushSettings settings, HttpClient client, ChangeJson json, PushAuth auth) {
        this.target = target;
        this.settings = settings;
        this.client = client;
        this.json = json;
        this.auth = auth;
        this.uri = URI.create(target.apiUrl() + RECEIVE_PATH);
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.thread = Thread.ofVirtual().name("push-" + target.name()).start(this::drain);
    }

    PushTarget target() {
        return target;
    }

    /** Queues the changes without blocking; what does not fit is dropped and counted. */
    void offer(List<SignedChange> changes) {
        TraceParent trace = Traces.enabled() ? Traces.current().orElse(null) : null;
        for (SignedChange change : changes) {
            if (!queue.offer(new Queued(change, trace))) {
                dropped.incrementAndGet();
                if (!overflowing) {
                    overflowing = true;
                    LOG.warn("push to {}: queue full ({} changes), dropping new changes; it will catch up",
                            target.name(), settings.queueCapacity());
                }
            }
        }
    }

    PushCounters counters() {
        return new PushCounters(sent.get(), failed.get(), dropped.get(), queue.size());
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    private void drain() {
        List<Queued> batch = new ArrayList<>(settings.maxBatch());
        try {
            while (running) {
                batch.add(queue.take());
                queue.drainTo(batch, settings.maxBatch() - 1);
                for (List<Queued> run : byStream(batch)) {
                    deliverTraced(run);
                }
                batch.clear();
                if (overflowing && queue.size() < settings.queueCapacity() / 2) {
                    overflowing = false;
                    LOG.info("push to {}: queue has room again", target.name());
                }
            }
        } catch (InterruptedException e) {
            // stop() was called: what is queued may be dropped, slaves repair from the log.
        }
    }

    // The header names one stream; a batch spanning a master's restart with a new store is split.
    private static List<List<Queued>> byStream(List<Queued> batch) {
        List<List<Queued>> runs = new ArrayList<>();
        List<Queued> run = new ArrayList<>();
        for (Queued change : batch) {
            if (!run.isEmpty() && !run.getFirst().stream().equals(change.stream())) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(change);
        }
        runs.add(run);
        return runs;
    }

    private void deliverTraced(List<Queued> run) throws InterruptedException {
        TraceParent trace = run.getFirst().trace();
        if (trace != null) {
            Traces.begin(trace);
        }
        try {
            deliver(run.stream().map(Queued::change).toList());
        } finally {
            Traces.end();
        }
    }

    private void deliver(List<SignedChange> run) throws InterruptedException {
        byte[] body = json.toJsonBytes(run);
        for (int attempt = 1; running; attempt++) {
            // Signed anew at each attempt: a retry after the replay window must not carry a stale time.
            HttpRequest request = signed(HttpRequest.newBuilder(uri), auth, body)
                    .header("Content-Type", "application/json")
                    .header(STREAM_HEADER, run.getFirst().change().stream().value())
                    .timeout(settings.requestTimeout())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            String problem;
            try {
                HttpResponse<byte[]> response = HttpCalls.send(client, request, settings.requestTimeout());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    countRejected(run.size(), RejectedReasons.in(json, response.body()));
                    if (attempt > 1) {
                        LOG.info("push to {}: reachable again after {} failed attempt(s)", target.name(), attempt - 1);
                    }
                    return;
                }
                if (status / 100 == 4 && status != 408 && status != 429) {
                    failed.incrementAndGet();
                    dropped.addAndGet(run.size());
                    LOG.warn("push to {}: refused {} changes with HTTP {} ({}); dropped, it will catch up",
                            target.name(), run.size(), status, abbreviate(response.body()));
                    return;
                }
                problem = "HTTP " + status;
            } catch (IOException e) {
                problem = HttpCalls.describe(e);
            }
            failed.incrementAndGet();
            Duration wait = backoff(attempt);
            if (attempt == 1) {
                LOG.warn("push to {} failed ({}); retrying with backoff", target.name(), problem);
            } else {
                LOG.debug("push to {} failed again ({}); next attempt in {} ms", target.name(), problem, wait.toMillis());
            }
            Thread.sleep(wait);
        }
    }

    /** {@code request} with {@link PushAuth}'s headers for a POST of {@code body} to the receive path. */
    static HttpRequest.Builder signed(HttpRequest.Builder request, PushAuth auth, byte[] body) {
        auth.sign("POST", RECEIVE_PATH, body).forEach(request::header);
        return request;
    }

    // Only a slave on another version of the message format rejects what this master sends: logged once a streak.
    private void countRejected(int pushed, List<String> reasons) {
        int rejected = Math.min(reasons.size(), pushed);
        sent.addAndGet(pushed - rejected);
        dropped.addAndGet(rejected);
        if (!reasons.isEmpty() && !rejecting) {
            LOG.warn("push to {}: the slave rejected {} of {} changes ({}); it will catch up", target.name(),
                    rejected, pushed, reasons.getFirst());
        }
        rejecting = !reasons.isEmpty();
    }

    private static String abbreviate(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private Duration backoff(int attempt) {
        long step = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 30);
        step = Math.min(Math.max(step, 1), settings.maxBackoff().toMillis());
        return Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
    }

    /** A change waiting to be pushed, with the trace it was published in ({@code null}: none). */
    private record Queued(SignedChange change, TraceParent trace) {

        StreamId stream() {
            return change.change().stream();
        }
    }
}
