package io.weathersync.application.port.out;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The context a thread's work runs in (a trace its log lines and calls carry), taken along when the core hands the
 * work to another thread, so the work runs there in the context of whoever asked for it.
 */
public interface ThreadContext {

    /** Carries nothing. */
    ThreadContext NONE = new ThreadContext() {
        @Override
        public <T> Callable<T> carry(Callable<T> work) {
            return work;
        }

        @Override
        public Runnable carry(Runnable work) {
            return work;
        }
    };

    /** {@code work}, to run in the calling thread's present context on whichever thread calls it. */
    <T> Callable<T> carry(Callable<T> work);

    /**
     * The calling thread's context as text to send along with the messages it causes (a trace's child), or empty
     * when there is none to send.
     */
    default Optional<String> outgoing() {
        return Optional.empty();
    }

    /**
     * Runs {@code work} in the context a received message carried ({@code incoming}, as {@link #outgoing} wrote it
     * on the sender); one that is absent or not well-formed gives the work a context of its own.
     */
    default void within(Optional<String> incoming, Runnable work) {
        work.run();
    }

    /** As {@link #carry(Callable)}, for work without a result; what it throws reaches whoever runs it. */
    default Runnable carry(Runnable work) {
        Callable<Void> carried = carry(() -> {
            work.run();
            return null;
        });
        return () -> {
            try {
                carried.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
