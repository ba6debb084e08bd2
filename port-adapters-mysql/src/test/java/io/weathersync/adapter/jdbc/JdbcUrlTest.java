package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which JDBC URLs are accepted, how they are completed, and that no password is ever shown. */
class JdbcUrlTest {

    @Test
    void anH2UrlIsPutIntoMySqlModeWithLowerCaseNames() {
        JdbcUrl url = JdbcUrl.parse("jdbc:h2:file:/data/master/weather");

        assertThat(url.dialect()).isEqualTo(Dialect.H2);
        assertThat(url.url()).startsWith("jdbc:h2:file:/data/master/weather;")
                .contains(";MODE=MySQL", ";DATABASE_TO_LOWER=TRUE", ";DB_CLOSE_ON_EXIT=FALSE", ";LOCK_TIMEOUT=10000",
                        ";WRITE_DELAY=0");
    }

    @Test
    void anH2UrlKeepsTheSettingsItAlreadyHas() {
        JdbcUrl url = JdbcUrl.parse("jdbc:h2:mem:x;mode=mysql;LOCK_TIMEOUT=500");

        assertThat(url.url()).isEqualTo("jdbc:h2:mem:x;mode=mysql;LOCK_TIMEOUT=500;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    @Test
    void anH2UrlInAnotherModeIsRejectedSayingWhy() {
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:h2:mem:x;MODE=PostgreSQL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MODE=MySQL")
                .hasMessageContaining("MODE=PostgreSQL");
    }

    @Test
    void aMySqlUrlGetsBatchRewritingAndAUtcSessionUnlessItSaysOtherwise() {
        JdbcUrl plain = JdbcUrl.parse("jdbc:mysql://db.local:3306/weather");
        JdbcUrl own = JdbcUrl.parse("jdbc:mysql://db.local:3306/weather?rewriteBatchedStatements=false");

        assertThat(plain.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(plain.url()).isEqualTo("jdbc:mysql://db.local:3306/weather");
        assertThat(plain.properties()).containsEntry("rewriteBatchedStatements", "true")
                .containsEntry("connectionTimeZone", "UTC")
                .containsEntry("forceConnectionTimeZoneToSession", "true");
        assertThat(own.properties()).doesNotContainKey("rewriteBatchedStatements")
                .containsKey("connectionTimeZone");
    }

    @Test
    void aMySqlUrlWithoutADatabaseIsRejectedWithAnExample() {
        for (String url : new String[] {"jdbc:mysql://127.0.0.1:3306/", "jdbc:mysql://127.0.0.1:3306",
                "jdbc:mysql://127.0.0.1:3306/?user=root"}) {
            assertThatThrownBy(() -> JdbcUrl.parse(url))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must name the database")
                    .hasMessageContaining("jdbc:mysql://127.0.0.1:3306/weather");
        }
    }

    @Test
    void anUnsupportedOrEmptyUrlIsRejectedWithoutItsPassword() {
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://h/db?user=u&password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://")
                .hasMessageContaining("jdbc:h2:")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> JdbcUrl.parse(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> JdbcUrl.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsInAnyUrlFormAreMasked() {
        assertThat(JdbcUrl.redact("jdbc:mysql://u:hunter2@h:3306/db")).isEqualTo("jdbc:mysql://u:***@h:3306/db");
        assertThat(JdbcUrl.redact("jdbc:mysql://h/db?user=u&password=hunter2&x=1"))
                .isEqualTo("jdbc:mysql://h/db?user=u&password=***&x=1");
        assertThat(JdbcUrl.redact("jdbc:h2:file:/x;PASSWORD=hunter2;MODE=MySQL"))
                .isEqualTo("jdbc:h2:file:/x;PASSWORD=***;MODE=MySQL");
        assertThat(JdbcUrl.parse("jdbc:mysql://h/db?PWD=hunter2").display()).doesNotContain("hunter2");
    }
}
