package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.ChangeBusContract;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.application.port.out.ChangeSubscriber;

/** The live bus contract against the in-memory bus (one bus per test). */
class InMemoryChangeBusTest extends ChangeBusContract {

    private final InMemoryChangeBus bus = new InMemoryChangeBus();

    @Override
    protected ChangePublisher createPublisher() {
        return bus;
    }

    @Override
    protected ChangeSubscriber createSubscriber() {
        return bus.subscriber();
    }
}
