package io.weathersync.application.port.in;

import io.weathersync.domain.status.ClusterStatus;

/** The status view of seed 001 as this node sees it. */
public interface ReportStatusUseCase {

    /** Every node this node reports on, with totals. */
    ClusterStatus status();
}
