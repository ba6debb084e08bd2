package io.weathersync.domain.cluster;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials issued at random and secrets kept only as salted hashes that match the right secret alone. */
class SecretHasherTest {

    private static final String ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MANY = 1000;

    private final SecretHasher hasher = new SecretHasher(new SecureRandom());

    @Test
    void anIssuedCredentialIsAKeyCnAndASecretCsEachWith32Alphanumerics() {
        IssuedCredential issued = hasher.issue("node-1");

        assertThat(issued.nodeId()).isEqualTo("node-1");
        assertThat(issued.apiKey()).matches("CN[A-Za-z0-9]{32}");
        assertThat(issued.apiSecret()).matches("CS[A-Za-z0-9]{32}");
    }

    @Test
    void keysAndSecretsAreDistinctAcrossManyIssues() {
        Set<String> keys = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < MANY; i++) {
            IssuedCredential issued = hasher.issue("node-1");
            keys.add(issued.apiKey().substring(2));
            secrets.add(issued.apiSecret().substring(2));
        }

        assertThat(keys).hasSize(MANY);
        assertThat(secrets).hasSize(MANY);
        assertThat(keys).doesNotContainAnyElementsOf(secrets);
    }

    @Test
    void theRandomPartsDrawOnEveryLetterAndDigitAndNothingElse() {
        Set<Character> seen = new TreeSet<>();
        for (int i = 0; i < MANY; i++) {
            IssuedCredential issued = hasher.issue("node-1");
            (issued.apiKey().substring(2) + issued.apiSecret().substring(2)).chars().forEach(c -> seen.add((char) c));
        }

        Set<Character> alphabet = new TreeSet<>();
        ALPHANUMERICS.chars().forEach(c -> alphabet.add((char) c));
        assertThat(seen).isEqualTo(alphabet);
    }

    @Test
    void theStoredFormNamesTheSchemeAndDoesNotContainTheSecret() {
        String secret = hasher.issue("node-1").apiSecret();

        String stored = hasher.hash(secret);

        assertThat(stored).startsWith("sha256$").doesNotContain(secret).doesNotContain(secret.substring(2));
        assertThat(stored.split("\\$")).hasSize(3);
    }

    @Test
    void twoHashesOfOneSecretDifferBecauseOfTheSaltAndBothMatch() {
        String secret = hasher.issue("node-1").apiSecret();

        String first = hasher.hash(secret);
        String second = hasher.hash(secret);

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[1]).isNotEqualTo(second.split("\\$")[1]);
        assertThat(hasher.matches(secret, first)).isTrue();
        assertThat(hasher.matches(secret, second)).isTrue();
    }

    @Test
    void theRightSecretMatches() {
        String secret = hasher.issue("node-1").apiSecret();

        assertThat(hasher.matches(secret, hasher.hash(secret))).isTrue();
    }

    @Test
    void anotherSecretDoesNotMatch() {
        String stored = hasher.hash(hasher.issue("node-1").apiSecret());

        assertThat(hasher.matches(hasher.issue("node-1").apiSecret(), stored)).isFalse();
    }

    @Test
    void aSecretDifferingInOneCharacterAnywhereDoesNotMatch() {
        String secret = hasher.issue("node-1").apiSecret();
        String stored = hasher.hash(secret);

        for (int i = 0; i < secret.length(); i++) {
            char changed = secret.charAt(i) == 'x' ? 'y' : 'x';
            String oneOff = secret.substring(0, i) + changed + secret.substring(i + 1);
            assertThat(hasher.matches(oneOff, stored)).as("changed at %d: %s", i, oneOff).isFalse();
        }
        assertThat(hasher.matches(secret.substring(0, secret.length() - 1), stored)).isFalse();
        assertThat(hasher.matches(secret + "A", stored)).isFalse();
    }

    @Test
    void anEmptySecretDoesNotMatch() {
        String stored = hasher.hash(hasher.issue("node-1").apiSecret());

        assertThat(hasher.matches("", stored)).isFalse();
    }

    @Test
    void anEmptySecretMatchesOnlyItsOwnHash() {
        assertThat(hasher.matches("", hasher.hash(""))).isTrue();
        assertThat(hasher.matches("CS", hasher.hash(""))).isFalse();
    }

    @Test
    void aMalformedStoredFormMatchesNothingAndDoesNotThrow() {
        String secret = "CS" + "a".repeat(32);
        String stored = hasher.hash(secret);
        String[] parts = stored.split("\\$");

        assertThat(hasher.matches(secret, "")).isFalse();
        assertThat(hasher.matches(secret, secret)).isFalse();
        assertThat(hasher.matches(secret, "sha256$")).isFalse();
        assertThat(hasher.matches(secret, "sha256$" + parts[1])).isFalse();
        assertThat(hasher.matches(secret, "sha256$" + parts[1] + "$")).isFalse();
        assertThat(hasher.matches(secret, stored + "$extra")).isFalse();
        assertThat(hasher.matches(secret, "sha256$!!not-base64!!$" + parts[2])).isFalse();
        assertThat(hasher.matches(secret, "sha256$" + parts[1] + "$!!not-base64!!")).isFalse();
        assertThat(hasher.matches(secret, "sha256$" + parts[1] + "$" + parts[2].substring(1))).isFalse();
    }

    @Test
    void aStoredFormOfAnotherSchemeDoesNotMatchEvenWithTheRightHash() {
        String secret = hasher.issue("node-1").apiSecret();
        String[] parts = hasher.hash(secret).split("\\$");

        assertThat(hasher.matches(secret, "bcrypt$" + parts[1] + "$" + parts[2])).isFalse();
        assertThat(hasher.matches(secret, "SHA256$" + parts[1] + "$" + parts[2])).isFalse();
        assertThat(hasher.matches(secret, "plain$" + secret)).isFalse();
    }
}
