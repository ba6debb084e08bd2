package io.weathersync.domain.message;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;

import static io.weathersync.testing.TestReadings.full;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ChangeSigner and ChangeVerifier together: only the master's untouched changes verify. */
class ChangeSignatureTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Change CHANGE = new Change(new StreamId("s1"), 42, full("São Paulo", T0));
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

    private static void assertBadSignature(SignedChange signed, String messageStart) {
        RejectedMessage rejected = catchThrowableOfType(RejectedMessage.class, () -> verifier().verify(signed));

        assertThat(rejected).isNotNull();
        assertThat(rejected.kind()).isEqualTo(RejectedMessage.Kind.BAD_SIGNATURE);
        assertThat(rejected).hasMessageStartingWith(messageStart);
    }

    private static Change withTemp(Change change, double temp) {
        WeatherReading r = change.reading();
        return new Change(change.stream(), change.seq(), new WeatherReading(r.city(), r.observedAt(), temp,
                r.humidity(), r.pressure(), r.windSpeed(), r.windDirection(), r.precipitation(), r.weatherCode(),
                r.source()));
    }

    @Test
    void aChangeSignedByTheMasterVerifies() {
        String sig = new ChangeSigner(master.getPrivate()).sign(CHANGE);

        assertThatCode(() -> verifier().verify(new SignedChange(CHANGE, sig))).doesNotThrowAnyException();
        assertThat(Base64.getDecoder().decode(sig)).hasSize(64);
    }

    @Test
    void theVerifierBuiltFromTheBase64KeyAcceptsTheSameSignatures() {
        String sig = new ChangeSigner(master.getPrivate()).sign(CHANGE);
        String published = Base64.getEncoder().encodeToString(master.getPublic().getEncoded());

        assertThatCode(() -> ChangeVerifier.fromBase64(published).verify(new SignedChange(CHANGE, sig)))
                .doesNotThrowAnyException();
    }

    @Test
    void aTamperedTemperatureDoesNotVerify() {
        String sig = new ChangeSigner(master.getPrivate()).sign(CHANGE);

        assertBadSignature(new SignedChange(withTemp(CHANGE, 45), sig), "sig: does not verify for seq 42");
    }

    @Test
    void aTamperedSeqOrStreamDoesNotVerify() {
        String sig = new ChangeSigner(master.getPrivate()).sign(CHANGE);

        assertBadSignature(new SignedChange(new Change(CHANGE.stream(), 43, CHANGE.reading()), sig), "sig:");
        assertBadSignature(new SignedChange(new Change(new StreamId("s2"), 42, CHANGE.reading()), sig), "sig:");
    }

    @Test
    void aRespeltCityDoesNotVerify() {
        String sig = new ChangeSigner(master.getPrivate()).sign(CHANGE);
        WeatherReading r = CHANGE.reading();
        WeatherReading respelt = new WeatherReading(new City("SÃO PAULO"), r.observedAt(), r.temperature(),
                r.humidity(), r.pressure(), r.windSpeed(), r.windDirection(), r.precipitation(), r.weatherCode(),
                r.source());

        assertBadSignature(new SignedChange(new Change(CHANGE.stream(), 42, respelt), sig), "sig:");
    }

    @Test
    void aMissingSignatureIsRejected() {
        assertBadSignature(new SignedChange(CHANGE, null), "sig: missing on seq 42");
    }

    @Test
    void garbageSignaturesAreRejectedNotThrownAsSomethingElse() {
        assertBadSignature(new SignedChange(CHANGE, "not base64 !!"), "sig: does not verify");
        assertBadSignature(new SignedChange(CHANGE, ""), "sig: does not verify");
        assertBadSignature(new SignedChange(CHANGE, "c2hvcnQ="), "sig: does not verify");
        assertBadSignature(new SignedChange(CHANGE, Base64.getEncoder().encodeToString(new byte[64])),
                "sig: does not verify");
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() {
        String sig = new ChangeSigner(intruder.getPrivate()).sign(CHANGE);

        assertBadSignature(new SignedChange(CHANGE, sig), "sig: does not verify for seq 42");
    }

    @Test
    void aPublicKeyThatIsNotBase64X509Ed25519IsRejectedNamingIt() {
        assertThatThrownBy(() -> ChangeVerifier.fromBase64("nope!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("public_key: not a Base64 X.509 Ed25519 key");
        assertThatThrownBy(() -> ChangeVerifier.fromBase64(Base64.getEncoder().encodeToString(new byte[44])))
                .hasMessage("public_key: not a Base64 X.509 Ed25519 key");
    }

    @Test
    void signingIsDeterministic() {
        ChangeSigner signer = new ChangeSigner(master.getPrivate());

        assertThat(signer.sign(CHANGE)).isEqualTo(signer.sign(CHANGE));
    }
}
