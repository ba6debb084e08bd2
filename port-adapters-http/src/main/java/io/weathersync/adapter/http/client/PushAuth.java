package io.weathersync.adapter.http.client;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Authenticates the master's pushes to a slave's {@code POST /api/dms/sync/receive} before the slave reads their
 * body: the master sends {@value #TIME_HEADER} (epoch seconds), {@value #BODY_HEADER} (the body's SHA-256, hex)
 * and {@value #SIGNATURE_HEADER}, an HMAC-SHA256 with the push key over method, path, time and body hash. The
 * slave checks the headers first (no key learned yet, unsigned, outside the {@link #WINDOW replay window} of
 * ±30 s, or a wrong MAC: 403 at once, the body unread), then the body against its declared hash.
 *
 * <p>The key is the master's, derived from its Ed25519 signing key (so it survives restarts, with no file of its
 * own), and handed to each slave in the reply to its authenticated heartbeat ({@code push_key}); a slave refuses
 * every push until its first heartbeat succeeded, and catches up by pulling meanwhile. Change signatures still
 * decide what is applied; this MAC decides, cheaply and first, whose bytes a slave is willing to read.
 */
public final class PushAuth {

    /** When the push was signed, in whole seconds since the epoch. */
    public static final String TIME_HEADER = "X-Push-Time";
    /** The SHA-256 of the body, lower-case hex. */
    public static final String BODY_HEADER = "X-Push-Body-SHA256";
    /** Base64 HMAC-SHA256 over {@code METHOD \n PATH \n TIME \n BODY-SHA256}. */
    public static final String SIGNATURE_HEADER = "X-Push-Signature";
    /** How far a push's time may lie from the receiver's clock. */
    public static final Duration WINDOW = Duration.ofSeconds(30);
    private static final String DERIVATION = "weather-sync push key v1";

    private final AtomicReference<byte[]> key;
    private final Clock clock;

    private PushAuth(byte[] key, Clock clock) {
        this.key = new AtomicReference<>(key);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The master's: a key derived from its signing key. */
    public static PushAuth derivedFrom(PrivateKey signingKey, Clock clock) {
        return new PushAuth(hmac(signingKey.getEncoded(), DERIVATION.getBytes(StandardCharsets.UTF_8)), clock);
    }

    /** A slave's: no key until {@link #learn} gives one, every push refused meanwhile. */
    public static PushAuth awaitingKey(Clock clock) {
        return new PushAuth(null, clock);
    }

    /** One with {@code key} (at least 16 bytes), as tests share one between a sender and a receiver. */
    public static PushAuth withKey(byte[] key, Clock clock) {
        if (key.length < 16) {
            throw new IllegalArgumentException("push key: at least 16 bytes, was " + key.length);
        }
        return new PushAuth(key.clone(), clock);
    }

    /** The key as the heartbeat reply carries it, Base64; empty while none is known. */
    public Optional<String> keyBase64() {
        return Optional.ofNullable(key.get()).map(bytes -> Base64.getEncoder().encodeToString(bytes));
    }

    /** Takes the key the master sent; false (and no change) when it is not Base64 of at least 16 bytes. */
    public boolean learn(String base64) {
        try {
            byte[] learned = Base64.getDecoder().decode(base64);
            if (learned.length < 16) {
                return false;
            }
            key.set(learned);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The three headers that authenticate {@code body} sent as {@code method path} now; none without a key. */
    public Map<String, String> sign(String method, String path, byte[] body) {
        byte[] current = key.get();
        Map<String, String> headers = new LinkedHashMap<>();
        if (current == null) {
            return headers;
        }
        String time = Long.toString(clock.instant().getEpochSecond());
        String bodyHash = sha256Hex(body);
        headers.put(TIME_HEADER, time);
        headers.put(BODY_HEADER, bodyHash);
        headers.put(SIGNATURE_HEADER, Base64.getEncoder().encodeToString(hmac(current,
                canonical(method, path, time, bodyHash))));
        return headers;
    }

    /**
     * Why the headers of a push do not authenticate it (empty when they do): checked before the body is read.
     * Never says more than which check failed.
     */
    public Optional<String> refuseHeaders(String method, String path, Optional<String> time, Optional<String> bodyHash,
                                          Optional<String> signature) {
        byte[] current = key.get();
        if (current == null) {
            return Optional.of("this slave has not learned the master's push key yet (it does at its first heartbeat)");
        }
        if (time.isEmpty() || bodyHash.isEmpty() || signature.isEmpty()) {
            return Optional.of("unsigned push: " + TIME_HEADER + ", " + BODY_HEADER + " and " + SIGNATURE_HEADER
                    + " are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(time.get().strip());
        } catch (NumberFormatException e) {
            return Optional.of(TIME_HEADER + ": not a whole number of seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > WINDOW.toSeconds() || seconds < 0) {
            return Optional.of(TIME_HEADER + ": outside the " + WINDOW.toSeconds() + " s window (replayed, or clocks"
                    + " apart)");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature.get().strip());
        } catch (IllegalArgumentException e) {
            return Optional.of(SIGNATURE_HEADER + ": not Base64");
        }
        byte[] expected = hmac(current, canonical(method, path, time.get().strip(), bodyHash.get().strip()));
        return MessageDigest.isEqual(presented, expected) ? Optional.empty()
                : Optional.of(SIGNATURE_HEADER + ": does not match (not signed by this slave's master)");
    }

    /** Why {@code body} is not the one the authenticated headers declared; empty when it is. */
    public static Optional<String> refuseBody(String declaredHash, byte[] body) {
        return MessageDigest.isEqual(sha256Hex(body).getBytes(StandardCharsets.US_ASCII),
                declaredHash.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))
                ? Optional.empty() : Optional.of(BODY_HEADER + ": the body does not match its signed hash");
    }

    private static byte[] canonical(String method, String path, String time, String bodyHash) {
        return (method + "\n" + path + "\n" + time + "\n" + bodyHash).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
