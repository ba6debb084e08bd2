package io.weathersync.domain.message;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.CanonicalForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static io.weathersync.testing.TestReadings.changes;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A batch signed once through its Merkle root: each change verifies alone, and nothing else does. */
class BatchSignatureTest {

    private static final StreamId STREAM = new StreamId("s1");
    private static KeyPair master;
    private static KeyPair intruder;

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        master = generator.generateKeyPair();
        intruder = generator.generateKeyPair();
    }

    private static List<Change> batch(int size) {
        return changes(STREAM, 100, IntStream.range(0, size)
                .mapToObj(i -> reading("city-" + i, i, 20.0 + i % 40)).toList());
    }

    private static List<SignedChange> signed(KeyPair by, int size) {
        return new ChangeSigner(by.getPrivate()).sign(batch(size));
    }

    private static ChangeVerifier verifier() {
        return new ChangeVerifier(master.getPublic());
    }

    private static void assertRejected(ChangeVerifier verifier, SignedChange signed) {
        RejectedMessage rejected = catchThrowableOfType(RejectedMessage.class, () -> verifier.verify(signed));

        assertThat(rejected).isNotNull();
        assertThat(rejected.kind()).isEqualTo(RejectedMessage.Kind.BAD_SIGNATURE);
        assertThat(rejected).hasMessage("sig: does not verify for seq " + signed.change().seq());
    }

    /** RFC 9162's definition of the tree hash, written the plain recursive way, to check the fast one against. */
    private static byte[] referenceRoot(List<byte[]> leaves) throws GeneralSecurityException {
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 1);
        sha.update(referenceRoot(leaves.subList(0, k)));
        return sha.digest(referenceRoot(leaves.subList(k, leaves.size())));
    }

    @Test
    void everyLeafOfEveryTreeSizeProvesTheReferenceRoot() throws GeneralSecurityException {
        for (int size = 1; size <= 70; size++) {
            byte[][] leaves = new byte[size][];
            for (int i = 0; i < size; i++) {
                leaves[i] = MerkleTree.leaf(new byte[] {(byte) i, (byte) size});
            }
            List<List<byte[]>> paths = new ArrayList<>();
            byte[] root = MerkleTree.build(leaves, paths);

            assertThat(root).as("root of %d", size).isEqualTo(referenceRoot(List.of(leaves)));
            for (int i = 0; i < size; i++) {
                assertThat(MerkleTree.rootFromPath(leaves[i], i, size, paths.get(i)))
                        .as("leaf %d of %d", i, size).isEqualTo(root);
            }
        }
    }

    @Test
    void everyChangeOfABatchVerifiesOnItsOwn() {
        for (int size : new int[] {1, 2, 3, 7, 64, 1000}) {
            for (SignedChange change : signed(master, size)) {
                assertThatCode(() -> verifier().verify(change)).as("batch of %d", size).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void aBatchOfOneIsSignedDirectlyOverItsCanonicalForm() {
        SignedChange only = signed(master, 1).getFirst();

        assertThat(Base64.getDecoder().decode(only.sig())).hasSize(64);
        assertThat(only.sig()).isEqualTo(new ChangeSigner(master.getPrivate()).sign(only.change()));
    }

    @Test
    void aTamperedChangeDoesNotVerifyEvenAfterItsBatchRootWasAccepted() {
        ChangeVerifier verifier = verifier();
        List<SignedChange> batch = signed(master, 10);
        verifier.verify(batch.get(0));
        WeatherReading r = batch.get(3).change().reading();
        Change tampered = new Change(STREAM, batch.get(3).change().seq(), reading(r.city().name(), 3, 69.0));

        assertRejected(verifier, new SignedChange(tampered, batch.get(3).sig()));
    }

    @Test
    void aChangeCarryingAnotherChangesProofDoesNotVerify() {
        List<SignedChange> batch = signed(master, 10);

        assertRejected(verifier(), new SignedChange(batch.get(4).change(), batch.get(5).sig()));
    }

    @Test
    void aBatchSignedByAnotherKeyIsRejected() {
        for (SignedChange change : signed(intruder, 5)) {
            assertRejected(verifier(), change);
        }
    }

    @Test
    void anAcceptedRootDoesNotLendItsTrustToAnotherSignature() {
        ChangeVerifier verifier = verifier();
        List<SignedChange> batch = signed(master, 4);
        List<SignedChange> forged = signed(intruder, 4);
        verifier.verify(batch.get(0));
        String[] parts = batch.get(1).sig().split("\\.");
        String forgedSignature = forged.get(1).sig().split("\\.")[0];

        assertRejected(verifier, new SignedChange(batch.get(1).change(),
                forgedSignature + "." + parts[1] + "." + parts[2] + "." + parts[3]));
    }

    @Test
    void theSizeIsSignedSoAProofCannotClaimABiggerBatch() {
        SignedChange first = signed(master, 3).getFirst();
        String[] p = first.sig().split("\\.");

        assertRejected(verifier(), new SignedChange(first.change(), p[0] + "." + p[1] + ".4." + p[3]));
    }

    @Test
    void malformedBatchSignaturesAreRejectedNotThrownAsSomethingElse() {
        SignedChange good = signed(master, 8).get(2);
        String[] p = good.sig().split("\\.");
        List<String> bad = List.of(
                p[0] + "." + p[1] + "." + p[2],
                p[0] + "." + p[1] + "." + p[2] + "." + p[3] + ".x",
                p[0] + ".x." + p[2] + "." + p[3],
                p[0] + "." + p[1] + ".-8." + p[3],
                p[0] + ".9." + p[2] + "." + p[3],
                p[0] + "." + p[1] + ".9999999999999." + p[3],
                p[0] + "." + p[1] + "." + p[2] + ".not base64",
                p[0] + "." + p[1] + "." + p[2] + ".AAAA",
                p[0] + "." + p[1] + "." + p[2] + ".",
                "!!." + p[1] + "." + p[2] + "." + p[3],
                "...");
        for (String sig : bad) {
            assertRejected(verifier(), new SignedChange(good.change(), sig));
        }
    }

    @Test
    void theRootSignatureCannotPassForASingleChangeSignature() {
        List<SignedChange> batch = signed(master, 2);
        String rootSignature = batch.get(0).sig().split("\\.")[0];

        assertRejected(verifier(), new SignedChange(batch.get(0).change(), rootSignature));
        assertThat(new String(CanonicalForm.signedBytes(batch.get(0).change()))).startsWith("v1|");
        assertThat(new String(BatchSignature.signedRoot(2, new byte[32]))).startsWith("batch-v1|2|");
    }
}
