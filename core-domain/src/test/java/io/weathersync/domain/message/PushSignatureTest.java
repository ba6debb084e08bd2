package io.weathersync.domain.message;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.full;
import static io.weathersync.testing.TestReadings.minimal;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A pushed page is signed as a whole: any part of it changed, or a missing signature, fails verification. */
class PushSignatureTest {

    private static final StreamId STREAM = new StreamId("s1");
    private static final List<Change> CHANGES = List.of(
            new Change(STREAM, 11, full("São Paulo", T0)),
            new Change(STREAM, 12, minimal("Oslo", T0.plusMillis(1))),
            new Change(STREAM, 14, reading("Bergen", 3, 2.5)));
    private static final SyncPush PUSH =
            new SyncPush(SyncPush.Kind.CATCH_UP, 10, new ChangePage(STREAM, 20, CHANGES, 15));
    private static KeyPair master;
    private static KeyPair intruder;

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        master = generator.generateKeyPair();
        intruder = generator.generateKeyPair();
    }

    private static ChangeVerifier verifier() {
        return new ChangeVerifier(master.getPublic());
    }

    private static String sig() {
        return new ChangeSigner(master.getPrivate()).sign(PUSH).sig();
    }

    private static SyncPush withPage(long head, List<Change> changes, long through) {
        return new SyncPush(PUSH.kind(), PUSH.after(), new ChangePage(STREAM, head, changes, through));
    }

    private static void assertBadSignature(SignedPush signed, String message) {
        RejectedMessage rejected = catchThrowableOfType(RejectedMessage.class, () -> verifier().verify(signed));

        assertThat(rejected).as("verification of %s", signed.push()).isNotNull();
        assertThat(rejected.kind()).isEqualTo(RejectedMessage.Kind.BAD_SIGNATURE);
        assertThat(rejected).hasMessage(message);
    }

    private static void assertDoesNotVerify(SyncPush tampered) {
        assertBadSignature(new SignedPush(tampered, sig()),
                "sig: does not verify for the pushed page after seq " + tampered.after());
    }

    private static WeatherReading withTemp(WeatherReading r, double temp) {
        return new WeatherReading(r.city(), r.observedAt(), temp, r.humidity(), r.pressure(), r.windSpeed(),
                r.windDirection(), r.precipitation(), r.weatherCode(), r.source());
    }

    @Test
    void aPageSignedByTheMasterVerifiesAndCarriesThePageUnchanged() {
        SignedPush signed = new ChangeSigner(master.getPrivate()).sign(PUSH);

        assertThatCode(() -> verifier().verify(signed)).doesNotThrowAnyException();
        assertThat(signed.push()).isEqualTo(PUSH);
        assertThat(Base64.getDecoder().decode(signed.sig())).hasSize(64);
    }

    @Test
    void theVerifierBuiltFromTheBase64KeyAcceptsAPushedPage() {
        SignedPush signed = new ChangeSigner(master.getPrivate()).sign(PUSH);
        String published = Base64.getEncoder().encodeToString(master.getPublic().getEncoded());

        assertThatCode(() -> ChangeVerifier.fromBase64(published).verify(signed)).doesNotThrowAnyException();
    }

    @Test
    void anEmptyRepairPageVerifies() {
        SyncPush empty = new SyncPush(SyncPush.Kind.REPAIR, 0, new ChangePage(STREAM, 20, List.of(), 20));

        assertThatCode(() -> verifier().verify(new ChangeSigner(master.getPrivate()).sign(empty)))
                .doesNotThrowAnyException();
    }

    @Test
    void aChangedKindDoesNotVerify() {
        assertDoesNotVerify(new SyncPush(SyncPush.Kind.REPAIR, PUSH.after(), PUSH.page()));
    }

    @Test
    void aChangedStartDoesNotVerify() {
        assertDoesNotVerify(new SyncPush(PUSH.kind(), 9, PUSH.page()));
        assertDoesNotVerify(new SyncPush(PUSH.kind(), 0, PUSH.page()));
    }

    @Test
    void aChangedHeadDoesNotVerify() {
        assertDoesNotVerify(withPage(21, CHANGES, 15));
        assertDoesNotVerify(withPage(15, CHANGES, 15));
    }

    @Test
    void aChangedCompleteThroughDoesNotVerify() {
        assertDoesNotVerify(withPage(20, CHANGES, 20));
        assertDoesNotVerify(withPage(20, CHANGES, 14));
    }

    @Test
    void aChangedStreamDoesNotVerify() {
        StreamId other = new StreamId("s2");
        List<Change> moved = CHANGES.stream().map(c -> new Change(other, c.seq(), c.reading())).toList();

        assertDoesNotVerify(new SyncPush(PUSH.kind(), PUSH.after(), new ChangePage(other, 20, moved, 15)));
    }

    @Test
    void aChangedValueOfAnyChangeDoesNotVerify() {
        for (int i = 0; i < CHANGES.size(); i++) {
            List<Change> tampered = new ArrayList<>(CHANGES);
            Change change = CHANGES.get(i);
            tampered.set(i, new Change(STREAM, change.seq(), withTemp(change.reading(), 45)));

            assertDoesNotVerify(withPage(20, tampered, 15));
        }
    }

    @Test
    void aChangedSeqOfAChangeDoesNotVerify() {
        List<Change> tampered = new ArrayList<>(CHANGES);
        tampered.set(2, new Change(STREAM, 13, CHANGES.get(2).reading()));

        assertDoesNotVerify(withPage(20, tampered, 15));
    }

    @Test
    void aPageWithAChangeLeftOutOrAddedDoesNotVerify() {
        List<Change> added = new ArrayList<>(CHANGES);
        added.add(new Change(STREAM, 15, reading("Rome", 0, 20)));

        assertDoesNotVerify(withPage(20, CHANGES.subList(0, 2), 15));
        assertDoesNotVerify(withPage(20, CHANGES.subList(1, 3), 15));
        assertDoesNotVerify(withPage(20, added, 15));
    }

    @Test
    void aMissingSignatureIsRejectedSayingSo() {
        assertBadSignature(new SignedPush(PUSH, null), "sig: missing on the pushed page after seq 10");
    }

    @Test
    void garbageOrAnotherKeysSignatureIsRejected() {
        String expected = "sig: does not verify for the pushed page after seq 10";

        assertBadSignature(new SignedPush(PUSH, "not base64 !!"), expected);
        assertBadSignature(new SignedPush(PUSH, ""), expected);
        assertBadSignature(new SignedPush(PUSH, Base64.getEncoder().encodeToString(new byte[64])), expected);
        assertBadSignature(new ChangeSigner(intruder.getPrivate()).sign(PUSH), expected);
    }

    @Test
    void aChangesOwnSignatureIsNoSignatureOfAPageHoldingIt() {
        SyncPush one = withPage(20, List.of(CHANGES.getFirst()), 11);
        String changeSig = new ChangeSigner(master.getPrivate()).sign(CHANGES.getFirst());

        assertBadSignature(new SignedPush(one, changeSig), "sig: does not verify for the pushed page after seq 10");
    }
}
