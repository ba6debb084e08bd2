package io.weathersync.application.port.out;

/**
 * What a requested sync pushed to a slave.
 *
 * @param fromSeq  the slave's applied seq the push started after
 * @param toSeq    the seq the pushed pages are complete through
 * @param pushed   changes pushed to fill the slave's gap
 * @param resent   readings re-sent for repair
 */
public record SyncOutcome(long fromSeq, long toSeq, int pushed, int resent) {
}
