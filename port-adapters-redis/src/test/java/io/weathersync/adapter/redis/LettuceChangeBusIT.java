package io.weathersync.adapter.redis;

import io.weathersync.application.port.out.ChangeBusContract;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.application.port.out.ChangeSubscriber;

/** The live-bus contract over the real Redis, on a channel of each test's own. */
class LettuceChangeBusIT extends ChangeBusContract {

    private final String channel = TestRedis.newChannel();

    @Override
    protected ChangePublisher createPublisher() {
        return new LettuceChangePublisher(TestRedis.uri(), channel);
    }

    @Override
    protected ChangeSubscriber createSubscriber() {
        return new LettuceChangeSubscriber(TestRedis.uri(), channel);
    }
}
