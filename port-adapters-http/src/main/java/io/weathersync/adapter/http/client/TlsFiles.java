package io.weathersync.adapter.http.client;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;

/**
 * TLS material from files: a node's own key and certificate chain from a PKCS12 keystore
 * ({@code SERVER_TLS_KEYSTORE}) or from PEM files ({@code SERVER_TLS_CERT}, {@code SERVER_TLS_KEY}), and the CA
 * certificates (PEM) that node-to-node calls verify their peer against ({@code TLS_CA_FILE}). Each failure names the
 * file and what is wrong with it, never a password or a key.
 */
public final class TlsFiles {

    private TlsFiles() {
    }

    /**
     * The SSL context a node serves https with: from the PKCS12 {@code keystore} when set, else from the PEM
     * {@code certs} and {@code key} when set; empty (plain http) when neither is.
     */
    public static Optional<SSLContext> server(Optional<Path> keystore, Optional<String> password,
                                              Optional<Path> certs, Optional<Path> key) {
        if (keystore.isPresent()) {
            return Optional.of(server(keystore.get(), password.orElse("").toCharArray()));
        }
        if (certs.isPresent() && key.isPresent()) {
            return Optional.of(PemKey.server(certs.get(), key.get()));
        }
        return Optional.empty();
    }

    /** An SSL context presenting the key in the PKCS12 file {@code keystore}. */
    public static SSLContext server(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("SERVER_TLS_KEYSTORE: cannot read a PKCS12 key from " + keystore + " ("
                    + e.getClass().getSimpleName() + "; wrong file or password?)", e);
        }
    }

    /** An SSL context trusting only the CA certificates in the PEM file {@code caFile}. */
    public static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (cas.isEmpty()) {
                throw new IllegalArgumentException("TLS_CA_FILE: no certificate in " + caFile);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate ca : cas) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS_CA_FILE: cannot read PEM certificates from " + caFile + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
