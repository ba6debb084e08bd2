package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.client.HttpCalls;
import io.weathersync.adapter.http.client.TlsFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTPS on a node from a PKCS12 key or from PEM files, and a node-to-node client that verifies its peer against a CA file: with a CA
 * and certificates this test generates (keytool), the CA's client connects, a client trusting another CA does not.
 */
class TlsTest {

    private static final String PASSWORD = "test-password";
    @TempDir
    static Path dir;
    private static HttpNode node;
    private static HttpNode pemNode;

    @BeforeAll
    static void start() throws Exception {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=test-ca", "-ext", "bc:c",
                "-validity", "2", "-keystore", dir.resolve("ca.p12").toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", dir.resolve("ca.p12").toString(),
                "-storepass", PASSWORD, "-file", dir.resolve("ca.pem").toString());
        keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-validity", "2",
                "-keystore", dir.resolve("node.p12").toString(), "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "node", "-keystore", dir.resolve("node.p12").toString(), "-storepass", PASSWORD,
                "-file", dir.resolve("node.csr").toString());
        keytool("-gencert", "-alias", "ca", "-keystore", dir.resolve("ca.p12").toString(), "-storepass", PASSWORD,
                "-infile", dir.resolve("node.csr").toString(), "-outfile", dir.resolve("node.pem").toString(),
                "-rfc", "-validity", "2", "-ext", "san=ip:127.0.0.1");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", dir.resolve("node.p12").toString(),
                "-storepass", PASSWORD, "-file", dir.resolve("ca.pem").toString());
        keytool("-importcert", "-alias", "node", "-keystore", dir.resolve("node.p12").toString(), "-storepass",
                PASSWORD, "-file", dir.resolve("node.pem").toString());
        keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-dname", "CN=other-ca", "-validity", "2",
                "-keystore", dir.resolve("other.p12").toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", dir.resolve("other.p12").toString(),
                "-storepass", PASSWORD, "-file", dir.resolve("other.pem").toString());

        MasterFixture master = new MasterFixture();
        node = HttpNode.start("127.0.0.1", 0, ServerLimits.DEFAULTS,
                Optional.of(TlsFiles.server(dir.resolve("node.p12"), PASSWORD.toCharArray())),
                routing -> MasterApi.register(routing, master.deps()));
        writePem(dir.resolve("node.p12"), dir.resolve("node-key.pem"), dir.resolve("node-chain.pem"));
        pemNode = HttpNode.start("127.0.0.1", 0, ServerLimits.DEFAULTS,
                TlsFiles.server(Optional.empty(), Optional.empty(), Optional.of(dir.resolve("node-chain.pem")),
                        Optional.of(dir.resolve("node-key.pem"))),
                routing -> MasterApi.register(routing, master.deps()));
    }

    @AfterAll
    static void stop() {
        node.stop();
        pemNode.stop();
        HttpCalls.verifyPeersWith(null);
    }

    @Test
    void aNodeToNodeClientTrustingTheCaFileGetsItsAnswerOverHttps() throws Exception {
        HttpCalls.verifyPeersWith(TlsFiles.trusting(dir.resolve("ca.pem")));
        // A cold TLS handshake on this loaded machine may take seconds.
        HttpClient client = HttpCalls.newClient(Duration.ofSeconds(30));

        HttpResponse<byte[]> reply = HttpCalls.send(client, health(), Duration.ofSeconds(30));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aNodeServingFromPemFilesIsVerifiedAgainstTheCaFile() throws Exception {
        HttpCalls.verifyPeersWith(TlsFiles.trusting(dir.resolve("ca.pem")));
        HttpClient client = HttpCalls.newClient(Duration.ofSeconds(30));

        HttpResponse<byte[]> reply = HttpCalls.send(client, HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + pemNode.port() + "/api/health")).timeout(Duration.ofSeconds(30))
                .build(), Duration.ofSeconds(30));

        assertThat(reply.statusCode()).isEqualTo(200);
    }

    @Test
    void aPemKeyOfAnotherFormIsRefusedSayingHowToConvertIt() throws Exception {
        Path rsaStyle = dir.resolve("traditional.pem");
        Files.writeString(rsaStyle, "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n");

        assertThatThrownBy(() -> TlsFiles.server(Optional.empty(), Optional.empty(),
                Optional.of(dir.resolve("node-chain.pem")), Optional.of(rsaStyle)))
                .hasMessageStartingWith("SERVER_TLS_KEY:").hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void aClientTrustingAnotherCaRefusesThePeer() {
        SSLContext other = TlsFiles.trusting(dir.resolve("other.pem"));
        HttpClient client = HttpClient.newBuilder().sslContext(other).connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> client.send(health(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpIsNotServedOnTheTlsPort() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/health"))
                .timeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> client.send(plain, HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aWrongKeystorePasswordIsNamedWithoutThePassword() {
        assertThatThrownBy(() -> TlsFiles.server(dir.resolve("node.p12"), "Wr0ng-pass-xyz".toCharArray()))
                .hasMessageStartingWith("SERVER_TLS_KEYSTORE:").hasMessageNotContaining("Wr0ng-pass-xyz");
    }

    private static HttpRequest health() {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.port() + "/api/health"))
                .timeout(Duration.ofSeconds(10)).build();
    }

    /** The node's key as PKCS#8 PEM (as openssl writes it) and its chain, node first, as PEM certificates. */
    private static void writePem(Path keystore, Path key, Path chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + pem.encodeToString(store.getKey("node", PASSWORD.toCharArray()).getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        StringBuilder certs = new StringBuilder();
        for (Certificate cert : store.getCertificateChain("node")) {
            certs.append("-----BEGIN CERTIFICATE-----\n").append(pem.encodeToString(cert.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        Files.writeString(chain, certs);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + output);
        }
    }
}
