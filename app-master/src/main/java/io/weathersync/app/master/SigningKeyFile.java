package io.weathersync.app.master;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The master's Ed25519 signing key pair, kept in a file of the data directory (owner-only) so that slaves
 * keep verifying live changes across a restart; created on first start.
 */
final class SigningKeyFile {

    private SigningKeyFile() {
    }

    /** The key pair in {@code file}, created there when absent. */
    static KeyPair loadOrCreate(Path file) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            return read(file);
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Base64.Encoder b64 = Base64.getEncoder();
        String text = "private:" + b64.encodeToString(pair.getPrivate().getEncoded()) + "\n"
                + "public:" + b64.encodeToString(pair.getPublic().getEncoded()) + "\n";
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temp, text, StandardCharsets.US_ASCII);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return pair;
    }

    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        String privateKey = field(lines, "private:", file);
        String publicKey = field(lines, "public:", file);
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return new KeyPair(keys.generatePublic(new X509EncodedKeySpec(b64.decode(publicKey))),
                    keys.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(privateKey))));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("signing key file " + file + " is damaged; delete it to get a new key");
        }
    }

    private static String field(List<String> lines, String prefix, Path file) throws GeneralSecurityException {
        return lines.stream().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .findFirst().orElseThrow(() -> new GeneralSecurityException(
                        "signing key file " + file + " has no '" + prefix + "' line; delete it to get a new key"));
    }
}
