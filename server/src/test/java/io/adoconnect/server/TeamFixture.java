package io.adoconnect.server;

import io.adoconnect.connect.Applications;
import io.adoconnect.server.team.TeamMode;
import java.util.Optional;

/** Applications and end users of a team-mode service under test. */
final class TeamFixture {
  private TeamFixture() {}

  /** An application's key acting for one of its end users. */
  record Caller(String application, String key, String endUser) {
    /** A request with this caller's key and end user, and without the API token. */
    Api.Request on(Api.Request request) {
      return request
          .noToken()
          .header("Authorization", "Bearer " + key)
          .header("X-End-User", endUser);
    }

    Caller as(String otherUser) {
      return new Caller(application, key, otherUser);
    }

    @Override
    public String toString() {
      return endUser + " of " + application;
    }
  }

  static Optional<TeamMode> teamMode(boolean deviceCode) {
    return Optional.of(TeamMode.defaults().withDeviceCode(deviceCode));
  }

  /** Creates an application in the service's database; returns a caller for {@code endUser}. */
  static Caller application(ServerTestBase.Service service, String name, String endUser) {
    Applications.NewKey created = service.ado.applications().create(name, Optional.empty());
    return new Caller(created.application().id(), created.key().reveal(), endUser);
  }
}
