package io.weathersync.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One run of wrk (the HTTP load generator): 2 threads, 64 connections, a Lua script choosing each request. */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern P99 = Pattern.compile("99%\\s+([\\d.]+)(us|ms|s)");
    private static final Pattern COUNT = Pattern.compile("(\\d+) requests in");

    /**
     * What one run measured.
     *
     * @param perSecond requests per second
     * @param p99Millis the 99th percentile of latency, in milliseconds
     * @param requests  how many requests were answered
     */
    record Run(double perSecond, double p99Millis, long requests) {
    }

    private Wrk() {
    }

    static Run run(String wrk, String url, Path script, int seconds) throws Exception {
        Process p = new ProcessBuilder(List.of(wrk, "-t2", "-c64", "-d" + seconds + "s", "--latency", "-s",
                script.toString(), url)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher rate = RATE.matcher(out);
        Matcher p99 = P99.matcher(out);
        Matcher count = COUNT.matcher(out);
        if (!rate.find() || !p99.find() || !count.find() || out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk output not usable: " + out);
        }
        double v = Double.parseDouble(p99.group(1));
        double ms = switch (p99.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
        return new Run(Double.parseDouble(rate.group(1)), ms, Long.parseLong(count.group(1)));
    }

    /** A script asking for {@code path + prefix + n} with n random in [0, count), the same sequence each run. */
    static String randomSuffixScript(String pathAndPrefix, int count) {
        return "math.randomseed(42)\nrequest = function()\n  return wrk.format(\"GET\", \"" + pathAndPrefix
                + "\" .. math.random(0, " + (count - 1) + "))\nend\n";
    }
}
