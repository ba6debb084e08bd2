package io.weathersync.bench;

import io.helidon.webserver.WebServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The raw limits' servers: a bare Helidon 4 SE server that answers hello ({@code hello}), a POST round trip
 * ({@code echo}), or an H2 primary-key read of the latest reading of a city ({@code read JDBC_URL}).
 */
public final class BareServer {

    private BareServer() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "hello" : args[0];
        var builder = WebServer.builder().host("127.0.0.1").port(0);
        switch (mode) {
            case "hello" -> builder.routing(r -> r.get("/hello", (req, res) -> res.send("hello")));
            case "echo" -> builder.routing(r -> r.post("/echo", (req, res) -> {
                byte[] body = req.content().as(byte[].class);
                res.send("{\"received\":" + body.length + "}");
            }));
            case "read" -> {
                BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(16);
                for (int i = 0; i < 16; i++) {
                    pool.add(DriverManager.getConnection(args[1], "sa", ""));
                }
                builder.routing(r -> r.get("/latest", (req, res) -> {
                    String city = req.query().get("city");
                    Connection c = pool.take();
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT city_name, temperature, humidity, observed_at FROM bench_latest WHERE city_key = ?")) {
                        ps.setString(1, city.toLowerCase(java.util.Locale.ROOT));
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                res.status(404).send("{}");
                                return;
                            }
                            res.header("Content-Type", "application/json").send("{\"city\":\"" + rs.getString(1)
                                    + "\",\"temp\":" + rs.getDouble(2) + ",\"humidity\":" + rs.getDouble(3)
                                    + ",\"timestamp\":\"" + java.time.Instant.ofEpochMilli(rs.getLong(4)) + "\"}");
                        }
                    } finally {
                        pool.add(c);
                    }
                }));
            }
            default -> throw new IllegalArgumentException("mode: hello, echo or read, was " + mode);
        }
        WebServer server = builder.build().start();
        System.out.println("listening on http://127.0.0.1:" + server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
}
