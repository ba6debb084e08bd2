package io.weathersync.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a running node holds open, closed in reverse order at stop; and the {@code listening on} line that
 * scripts wait for on standard output.
 */
public final class Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<Resource> open = new ArrayDeque<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final boolean loggingToStdout;

    Lifecycle(boolean loggingToStdout) {
        this.loggingToStdout = loggingToStdout;
    }

    /** Registers {@code resource}, closed at stop after everything registered later; returns it. */
    public synchronized <T extends AutoCloseable> T closeOnStop(String what, T resource) {
        open.push(new Resource(what, resource));
        return resource;
    }

    /**
     * Logs, once the server accepts calls, the one line {@code listening on http://HOST:PORT}, making sure it
     * reaches stdout.
     *
     * @param node      the node's configuration (its host)
     * @param boundPort the port the server actually bound (the free one chosen when configured with 0)
     */
    public void listening(NodeConfig node, int boundPort) {
        String url = node.url(boundPort);
        LOG.info("listening on {}", url);
        if (!loggingToStdout) {
            System.out.println("listening on " + url);
            System.out.flush();
        }
    }

    /** Closes everything, newest first, logging (never throwing) a failure; then logs {@code stopped}. Once only. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping");
        while (true) {
            Resource next;
            synchronized (this) {
                next = open.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.resource().close();
                LOG.debug("closed {}", next.what());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("interrupted while closing {}", next.what());
            } catch (Exception | LinkageError e) {
                LOG.warn("closing {} failed: {}", next.what(), e.toString(), e);
            }
        }
        LOG.info("stopped");
    }

    private record Resource(String what, AutoCloseable resource) {
    }
}
