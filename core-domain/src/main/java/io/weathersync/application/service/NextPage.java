package io.weathersync.application.service;

import io.weathersync.application.port.out.MasterClient;
import io.weathersync.domain.model.ChangePage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The next catch-up page, requested on a virtual thread while the current one is being applied, so that the
 * master's query, the transfer and the parsing overlap the replica's writes instead of following them.
 */
final class NextPage {

    private final CompletableFuture<ChangePage> page;

    private NextPage(CompletableFuture<ChangePage> page) {
        this.page = page;
    }

    /** Starts asking the master for the page after {@code after}. */
    static NextPage request(MasterClient master, long after, int limit) {
        return new NextPage(CompletableFuture.supplyAsync(() -> master.changesAfter(after, limit),
                task -> Thread.ofVirtual().name("catch-up-next-page").start(task)));
    }

    /** The page, once it arrived; what the master client threw, as it threw it. */
    ChangePage get() {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
