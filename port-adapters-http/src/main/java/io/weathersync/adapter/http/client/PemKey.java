package io.weathersync.adapter.http.client;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * A node's https key from PEM files, as certbot and {@code openssl} write them: the certificate chain (the node's
 * certificate first) and an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}), RSA, EC or EdDSA.
 */
final class PemKey {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private PemKey() {
    }

    /** An SSL context presenting {@code key} with the chain in {@code certs}. */
    static SSLContext server(Path certs, Path key) {
        Certificate[] chain = chain(certs);
        PrivateKey privateKey = privateKey(key);
        try {
            char[] none = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("node", privateKey, none, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("SERVER_TLS_KEY: the key in " + key + " does not go with the "
                    + "certificate in " + certs + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Certificate[] chain(Path certs) {
        try (InputStream in = Files.newInputStream(certs)) {
            Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .toArray(Certificate[]::new);
            if (chain.length == 0) {
                throw new IllegalArgumentException("SERVER_TLS_CERT: no certificate in " + certs);
            }
            return chain;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("SERVER_TLS_CERT: cannot read PEM certificates from " + certs + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static PrivateKey privateKey(Path key) {
        String text;
        try {
            text = Files.readString(key, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("SERVER_TLS_KEY: cannot read " + key + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("SERVER_TLS_KEY: no unencrypted PKCS#8 key (" + BEGIN + ") in " + key
                    + "; convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out " + key.getFileName());
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SERVER_TLS_KEY: the key in " + key + " is not valid Base64", e);
        }
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // the next algorithm
            }
        }
        throw new IllegalArgumentException("SERVER_TLS_KEY: the key in " + key + " is not an RSA, EC or EdDSA "
                + "PKCS#8 key");
    }
}
