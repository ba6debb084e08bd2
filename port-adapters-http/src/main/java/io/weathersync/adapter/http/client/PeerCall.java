package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.wire.ChangeJson;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * One exchange with another node (the master, or a slave a restore reads): its status and its JSON body, or a
 * {@link MasterUnavailableException} saying the peer did not answer, in what time or why.
 *
 * @param status the HTTP status
 * @param reply  the parsed body, or {@code null} when it is not JSON
 */
record PeerCall(int status, JsonNode reply) {

    /** Sends {@code request} to the peer {@code peer} (e.g. {@code master at http://…}); {@code what} names it. */
    static PeerCall send(HttpClient client, HttpRequest request, Duration timeout, ChangeJson json, String peer,
                         String what) {
        HttpResponse<byte[]> response;
        try {
            response = HttpCalls.send(client, request, timeout);
        } catch (HttpTimeoutException e) {
            throw new MasterUnavailableException(what + ": " + peer + " did not answer within " + timeout.toMillis()
                    + " ms");
        } catch (IOException e) {
            throw new MasterUnavailableException(what + ": " + peer + " unreachable (" + HttpCalls.describe(e) + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MasterUnavailableException(what + ": interrupted");
        }
        JsonNode reply;
        try {
            reply = json.mapper().readTree(response.body());
        } catch (JacksonException e) {
            reply = null;
        } catch (IOException e) {
            reply = null;
        }
        return new PeerCall(response.statusCode(), reply);
    }
}
