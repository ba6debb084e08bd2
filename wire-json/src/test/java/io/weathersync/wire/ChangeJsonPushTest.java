package io.weathersync.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncPush;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire form of a pushed page: round trip, shape, and a strict reader that names the wrong field. */
class ChangeJsonPushTest {

    private final ChangeJson json = new ChangeJson();

    static SyncPush page(SyncPush.Kind kind, long after, long... seqs) {
        List<Change> changes = new ArrayList<>();
        for (long seq : seqs) {
            changes.add(ChangeJsonTest.change(seq, "City" + seq, null).change());
        }
        long through = seqs.length == 0 ? after : seqs[seqs.length - 1];
        return new SyncPush(kind, after, new ChangePage(new StreamId("stream-1"), through + 2, changes, through));
    }

    @Test
    void catchUpAndRepairPagesSurviveARoundTripWithAndWithoutSignature() {
        for (SignedPush push : List.of(new SignedPush(page(SyncPush.Kind.CATCH_UP, 4, 5, 7), "c2ln"),
                new SignedPush(page(SyncPush.Kind.REPAIR, 0, 2, 3), null),
                new SignedPush(page(SyncPush.Kind.CATCH_UP, 9), "c2ln"))) {
            assertThat(json.parsePush(json.toJsonBytes(push))).isEqualTo(push);
        }
    }

    @Test
    void aPageSignedByTheMasterStillVerifiesAfterTheWire() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SignedPush signed = new ChangeSigner(keys.getPrivate()).sign(page(SyncPush.Kind.CATCH_UP, 0, 1, 2, 3));

        SignedPush received = json.parsePush(json.toJsonBytes(signed));

        new ChangeVerifier(keys.getPublic()).verify(received);
    }

    @Test
    void theObjectHasTheDocumentedFieldsAndChangesWithoutTheirOwnSignature() {
        ObjectNode node = json.toJsonObject(new SignedPush(page(SyncPush.Kind.CATCH_UP, 4, 5, 7), "c2ln"));

        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("kind", "after", "stream", "head", "complete_through", "changes", "sig");
        assertThat(node.get("kind").asText()).isEqualTo("catch_up");
        assertThat(node.get("after").asLong()).isEqualTo(4);
        assertThat(node.get("head").asLong()).isEqualTo(9);
        assertThat(node.get("complete_through").asLong()).isEqualTo(7);
        JsonNode change = node.get("changes").get(1);
        assertThat(change.get("v").asInt()).isEqualTo(1);
        assertThat(change.get("seq").asLong()).isEqualTo(7);
        assertThat(change.get("city").asText()).isEqualTo("City7");
        assertThat(change.has("sig")).isFalse();
        assertThat(json.toJsonObject(new SignedPush(page(SyncPush.Kind.REPAIR, 0, 1), null)).has("sig")).isFalse();
        assertThat(json.toJsonObject(new SignedPush(page(SyncPush.Kind.REPAIR, 0, 1), null)).get("kind").asText())
                .isEqualTo("repair");
    }

    @Test
    void aPushIsToldApartFromLiveChanges() {
        String page = json.toJsonObject(new SignedPush(page(SyncPush.Kind.REPAIR, 0, 1), null)).toString();
        String change = json.toJsonObject(ChangeJsonTest.change(1, "Oslo", null)).toString();

        assertThat(ChangeJson.isPush(json.readTree(bytes(page)))).isTrue();
        assertThat(ChangeJson.isPush(json.readTree(bytes(change)))).isFalse();
        assertThat(ChangeJson.isPush(json.readTree(bytes("[" + change + "]")))).isFalse();
    }

    @Test
    void theCatchUpPageIsThePushedPageWithoutKindAfterAndSig() {
        SyncPush push = page(SyncPush.Kind.CATCH_UP, 4, 5, 7);
        ObjectNode page = json.toJsonObject(push.page());

        List<String> keys = new ArrayList<>();
        page.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("stream", "head", "complete_through", "changes");
        assertThat(json.pageFromJson(page)).isEqualTo(push.page());
        ObjectNode pushed = json.toJsonObject(new SignedPush(push, null));
        assertThat(pushed.get("changes")).isEqualTo(page.get("changes"));
    }

    @Test
    void aCatchUpPageIsReadStrictlyNamingTheField() {
        ObjectNode page = json.toJsonObject(page(SyncPush.Kind.CATCH_UP, 4, 5, 7).page());
        ((ObjectNode) page.get("changes").get(1)).put("humidity", 400);

        assertThatThrownBy(() -> json.pageFromJson(page)).isInstanceOf(RejectedMessage.class)
                .hasMessageStartingWith("changes[1]: humidity");
        assertThatThrownBy(() -> json.pageFromJson(page.put("head", "9"))).isInstanceOf(RejectedMessage.class)
                .hasMessageStartingWith("head: must be a non-negative whole number");
    }

    @Test
    void notAJsonObjectIsMalformed() {
        assertRejected("{\"kind\":\"repair\",", Kind.MALFORMED, "not JSON");
        assertRejected("", Kind.MALFORMED, "empty");
        assertRejected("[{\"kind\":\"repair\"}]", Kind.MALFORMED, "body: must be a JSON object, was an array");
        assertRejected("{\"kind\":\"repair\",\"kind\":\"catch_up\"}", Kind.MALFORMED, "not JSON");
    }

    @Test
    void eachMissingOrMistypedFieldIsRejectedByName() {
        assertField(node -> node.put("kind", "catchup"),
                "kind: must be \"catch_up\" or \"repair\", was the string \"catchup\"");
        assertField(node -> node.remove("kind"), "kind:");
        assertField(node -> node.put("kind", 1), "kind:");
        assertField(node -> node.put("after", -1), "after: must be a non-negative whole number, was the number -1");
        assertField(node -> node.put("after", 1.5), "after:");
        assertField(node -> node.put("after", "4"), "after:");
        assertField(node -> node.remove("head"), "head:");
        assertField(node -> node.putNull("complete_through"), "complete_through:");
        assertField(node -> node.put("stream", 5), "stream: must be a string");
        assertField(node -> node.put("stream", "not a stream!"), "stream: must be 1 to 64");
        assertField(node -> node.remove("changes"), "changes: must be an array");
        assertField(node -> node.putObject("changes"), "changes: must be an array");
        assertField(node -> node.put("sig", 5), "sig: must be a string");
        assertField(node -> ((ObjectNode) node.get("changes").get(1)).put("humidity", 400), "changes[1]: humidity");
        assertField(node -> ((ObjectNode) node.get("changes").get(0)).put("seq", "5"), "changes[0]: seq");
    }

    @Test
    void anInconsistentPageIsRejectedSayingWhy() {
        assertField(node -> node.put("complete_through", 99), "complete_through: must not exceed head");
        assertField(node -> node.put("after", 8), "after: must not exceed complete_through");
        assertField(node -> ((ObjectNode) node.get("changes").get(0)).put("stream", "other"), "changes: seq 5");
        assertField(node -> ((ObjectNode) node.get("changes").get(0)).put("seq", 7), "changes: seq 7 is out of order");
    }

    @Test
    void aChangeOfAnUnknownVersionKeepsItsKind() {
        ObjectNode node = json.toJsonObject(new SignedPush(page(SyncPush.Kind.CATCH_UP, 4, 5, 7), "c2ln"));
        ((ObjectNode) node.get("changes").get(1)).put("v", 2);

        assertRejected(node.toString(), Kind.UNKNOWN_VERSION, "changes[1]: v");
    }

    private void assertField(Consumer<ObjectNode> breakIt, String text) {
        ObjectNode node = json.toJsonObject(new SignedPush(page(SyncPush.Kind.CATCH_UP, 4, 5, 7), "c2ln"));
        breakIt.accept(node);
        assertRejected(node.toString(), Kind.INVALID_FIELD, text);
    }

    private void assertRejected(String body, Kind kind, String text) {
        assertThatThrownBy(() -> json.parsePush(bytes(body)))
                .isInstanceOfSatisfying(RejectedMessage.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
