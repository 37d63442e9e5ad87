package io.adoconnect.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adoconnect.AdoConnectException;
import io.adoconnect.InvalidInputException;
import io.adoconnect.auth.Secret;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADO_CONNECT_DATABASE_URL and its credentials: what is accepted, and what is refused and how. */
class DatabaseUrlTest {
  @TempDir Path tmp;

  @Test
  void unsetKeepsTheEmbeddedSqliteStore() {
    assertThat(StoreLocation.fromEnvironment(tmp, Map.of())).isEqualTo(StoreLocation.sqlite(tmp));
    assertThat(StoreLocation.fromEnvironment(tmp, Map.of(DatabaseUrl.URL_VARIABLE, " ")))
        .isEqualTo(StoreLocation.sqlite(tmp));
  }

  @Test
  void libpqAndJdbcFormsGiveTheSameDriverUrlWithoutCredentials() throws Exception {
    Path passwordFile = tmp.resolve("pw");
    Files.writeString(passwordFile, "s3cret-pw\n");
    Map<String, String> env = Map.of(DatabaseUrl.PASSWORD_FILE_VARIABLE, passwordFile.toString());

    StoreLocation.Postgres libpq =
        DatabaseUrl.parse("postgresql://ado@db.example.com:5433/ado?sslmode=verify-full", env);
    StoreLocation.Postgres jdbc =
        DatabaseUrl.parse(
            "jdbc:postgresql://db.example.com:5433/ado?user=ado&sslmode=verify-full", env);
    StoreLocation.Postgres shortScheme =
        DatabaseUrl.parse("postgres://ado@db.example.com:5433/ado?sslmode=verify-full", env);

    for (StoreLocation.Postgres pg : new StoreLocation.Postgres[] {libpq, jdbc, shortScheme}) {
      assertThat(pg.jdbcUrl())
          .isEqualTo("jdbc:postgresql://db.example.com:5433/ado?sslmode=verify-full");
      assertThat(pg.user()).isEqualTo("ado");
      assertThat(pg.password()).contains(Secret.of("s3cret-pw"));
      assertThat(pg.toString()).doesNotContain("s3cret");
    }
    assertThat(
            DatabaseUrl.parse(
                    "postgresql://[::1]:5432,db2:5432/ado",
                    Map.of(DatabaseUrl.USER_VARIABLE, "svc", DatabaseUrl.PASSWORD_VARIABLE, "p"))
                .jdbcUrl())
        .isEqualTo("jdbc:postgresql://[::1]:5432,db2:5432/ado");
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
    for (String url :
        new String[] {
          "postgresql://ado:hunter2hunter2@db/ado",
          "jdbc:postgresql://db/ado?password=hunter2hunter2"
        }) {
      assertThatThrownBy(
              () -> StoreLocation.fromEnvironment(tmp, Map.of("ADO_CONNECT_DATABASE_URL", url)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("holds a password")
          .hasMessageNotContaining("hunter2")
          .satisfies(
              e ->
                  assertThat(((AdoConnectException) e).nextStep().advice())
                      .contains(DatabaseUrl.PASSWORD_FILE_VARIABLE));
    }
  }

  @Test
  void malformedUrlsAndCredentialsAreBadInputThatSaysWhatToWrite() {
    Map<String, String> cases =
        Map.of(
            "mysql://db/ado", "is not a PostgreSQL URL",
            "postgresql://", "names no valid host",
            "postgresql://db", "names no database",
            "postgresql://db/a/b", "names no database",
            "postgresql://db:port/ado", "names no valid host",
            "jdbc:sqlite:/tmp/x.db", "is not a PostgreSQL URL");
    cases.forEach(
        (url, message) ->
            assertThatThrownBy(
                    () -> StoreLocation.fromEnvironment(tmp, Map.of(DatabaseUrl.URL_VARIABLE, url)))
                .as(url)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message));
    assertThatThrownBy(
            () ->
                DatabaseUrl.parse(
                    "postgresql://db/ado",
                    Map.of(DatabaseUrl.PASSWORD_FILE_VARIABLE, tmp.resolve("missing").toString())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("can't be read");
    assertThatThrownBy(
            () ->
                DatabaseUrl.parse(
                    "postgresql://ado@db/ado", Map.of(DatabaseUrl.USER_VARIABLE, "other")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("given twice");
    assertThatThrownBy(
            () ->
                DatabaseUrl.parse(
                    "postgresql://db/ado",
                    Map.of(
                        DatabaseUrl.PASSWORD_VARIABLE,
                        "a",
                        DatabaseUrl.PASSWORD_FILE_VARIABLE,
                        "/x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Both");
  }

  @Test
  void aDatabaseNobodyListensOnIsAClearErrorNamingWhatToCheck() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    StoreLocation.Postgres nowhere =
        new StoreLocation.Postgres(
            "jdbc:postgresql://127.0.0.1:" + port + "/ado",
            "ado",
            Optional.of(Secret.of("pw-not-to-be-shown")));

    assertThatThrownBy(() -> Store.open(nowhere, Owner.LOCAL))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "ado-connect can't reach its PostgreSQL database (jdbc:postgresql://127.0.0.1:"
                + port
                + "/ado as ado).")
        .hasMessageNotContaining("pw-not-to-be-shown")
        .satisfies(
            e ->
                assertThat(((AdoConnectException) e).nextStep().advice())
                    .contains("ADO_CONNECT_DATABASE_URL"));
  }

  @Test
  void thePoolSizeComesFromTheEnvironmentWithASensibleDefault() {
    String url = "postgresql://ado@db.example.com/ado";
    assertThat(DatabaseUrl.parse(url, Map.of()).poolSize())
        .isEqualTo(DatabaseUrl.DEFAULT_POOL_SIZE);
    assertThat(DatabaseUrl.parse(url, Map.of("ADO_CONNECT_DATABASE_POOL_SIZE", " 25 ")).poolSize())
        .isEqualTo(25);
    for (String bad : new String[] {"0", "-3", "ten", "1.5", "100000"}) {
      assertThatThrownBy(
              () -> DatabaseUrl.parse(url, Map.of("ADO_CONNECT_DATABASE_POOL_SIZE", bad)))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("ADO_CONNECT_DATABASE_POOL_SIZE must be a whole number from 1");
    }
  }

  @Test
  void aPoolThatGaveNoConnectionInTimeIsToldApartFromAnUnreachableDatabase() {
    var busy =
        new java.sql.SQLTransientConnectionException(
            "ado-connect - Connection is not available, request timed out after 10000ms");
    assertThat(PostgresDataSource.poolExhausted(new RuntimeException(busy))).isTrue();
    busy.initCause(new java.net.ConnectException("Connection refused"));
    assertThat(PostgresDataSource.poolExhausted(new RuntimeException(busy))).isFalse();
  }
}
