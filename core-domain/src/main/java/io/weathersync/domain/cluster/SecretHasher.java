package io.weathersync.domain.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Issues node credentials and keeps their secrets only as salted hashes, compared in constant time.
 *
 * <p>Why a fast hash (salted SHA-256) and not a slow one (bcrypt, PBKDF2): slow hashes exist to make guessing
 * low-entropy human passwords expensive after a database leak. These secrets are 32 characters drawn
 * uniformly from 62 by {@link SecureRandom}, about 190 bits: no amount of per-guess cost matters against that
 * search space, while a slow hash would cost every authenticated request (each heartbeat and catch-up page)
 * tens of milliseconds of CPU. A human-chosen password would need the slow hash.
 */
public final class SecretHasher {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_CHARS = 32;
    private static final String SCHEME = "sha256";

    private final SecureRandom random;

    /** A hasher drawing keys, secrets and salts from {@code random}. */
    public SecretHasher(SecureRandom random) {
        this.random = random;
    }

    /** A new credential for {@code nodeId}: key {@code CN…}, secret {@code CS…}. */
    public IssuedCredential issue(String nodeId) {
        return new IssuedCredential(nodeId, "CN" + randomChars(), "CS" + randomChars());
    }

    /** The stored form of {@code secret}: {@code sha256$<salt>$<hash>}, Base64. */
    public String hash(String secret) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(digest(salt, secret));
    }

    /** Whether {@code secret} matches {@code stored}, in time independent of where they differ. */
    public boolean matches(String secret, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 3 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            return MessageDigest.isEqual(digest(salt, secret), Base64.getDecoder().decode(parts[2]));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String randomChars() {
        StringBuilder chars = new StringBuilder(RANDOM_CHARS);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            chars.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return chars.toString();
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
