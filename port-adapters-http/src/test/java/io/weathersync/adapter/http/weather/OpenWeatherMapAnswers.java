package io.weathersync.adapter.http.weather;

import java.util.Locale;

/** Answers in OpenWeatherMap's documented {@code /data/2.5/weather} format ({@code units=metric}) and its errors. */
final class OpenWeatherMapAnswers {

    static final long DT = 1_795_428_000L; // 2026-11-23T10:00:00Z

    private OpenWeatherMapAnswers() {
    }

    /** A full answer, as documented (rain only when it rains). */
    static String weather(String name, double temperature, int humidity) {
        return String.format(Locale.ROOT, """
                {"coord":{"lon":10.99,"lat":44.34},\
                "weather":[{"id":501,"main":"Rain","description":"moderate rain","icon":"10d"}],\
                "base":"stations",\
                "main":{"temp":%.2f,"feels_like":%.2f,"temp_min":%.2f,"temp_max":%.2f,"pressure":1015,\
                "humidity":%d,"sea_level":1015,"grnd_level":933},\
                "visibility":10000,"wind":{"speed":0.62,"deg":349,"gust":1.18},"rain":{"1h":3.16},\
                "clouds":{"all":100},"dt":%d,\
                "sys":{"type":2,"id":2075663,"country":"IT","sunrise":1795375200,"sunset":1795412400},\
                "timezone":7200,"id":3163858,"name":"%s","cod":200}""",
                temperature, temperature - 0.5, temperature - 1, temperature + 1, humidity, DT, name);
    }

    /** The answer for an unknown name. */
    static String cityNotFound() {
        return "{\"cod\":\"404\",\"message\":\"city not found\"}";
    }

    /** The answer for a bad key. */
    static String invalidKey() {
        return "{\"cod\":401, \"message\": \"Invalid API key. Please see https://openweathermap.org/faq#error401 "
                + "for more info.\"}";
    }

    /** The answer when the plan's limit is exceeded. */
    static String tooManyRequests() {
        return "{\"cod\":429,\"message\":\"Your account is temporary blocked due to exceeding of requests "
                + "limitation of your subscription type.\"}";
    }
}
