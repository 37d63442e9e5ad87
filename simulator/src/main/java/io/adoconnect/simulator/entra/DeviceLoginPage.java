package io.adoconnect.simulator.entra;

import io.adoconnect.simulator.http.Request;
import io.adoconnect.simulator.http.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET|POST /devicelogin}: the verification page (microsoft.com/devicelogin) where a person
 * enters the user code, picks an account and approves or declines (RFC 8628 §3.3). The pages are in
 * {@link EntraPages}.
 */
final class DeviceLoginPage {
  private final GrantStore grants;
  private final Authorities authorities;
  private final EntraService.Settings settings;
  private final Clock clock;

  DeviceLoginPage(
      GrantStore grants, Authorities authorities, EntraService.Settings settings, Clock clock) {
    this.grants = grants;
    this.authorities = authorities;
    this.settings = settings;
    this.clock = clock;
  }

  Response handle(Request request, Map<String, String> form) {
    if (!request.method().equals("POST")) {
      return EntraPages.enterCode(null);
    }
    Instant now = clock.instant();
    Optional<DeviceAuthorization> found = grants.deviceByUserCode(form.get("otc"));
    if (found.isEmpty() || found.get().expired(now)) {
      return EntraPages.enterCode("That code didn't work. Check the code and try again.");
    }
    DeviceAuthorization device = found.get();
    device.autoDecide(settings, authorities, now);
    if (device.status != DeviceAuthorization.Status.PENDING) {
      return EntraPages.enterCode(
          "That code has already been used. Request a new code from the app and try again.");
    }
    List<EntraUser> users = authorities.eligibleUsers(device.authority);
    String action = form.get("action");
    if (action == null) {
      return EntraPages.consent(device, users, null);
    }
    if (action.equals("decline")) {
      device.status = DeviceAuthorization.Status.DECLINED;
      return EntraPages.declined(device.client.displayName());
    }
    String upn = form.get("user");
    Optional<EntraUser> user =
        upn == null || upn.isBlank()
            ? Optional.of(users.get(0))
            : users.stream().filter(u -> u.userPrincipalName().equalsIgnoreCase(upn)).findFirst();
    if (!action.equals("approve") || user.isEmpty()) {
      return EntraPages.consent(
          device,
          users,
          user.isEmpty() ? "Choose one of the accounts listed." : "Choose Approve or Decline.");
    }
    device.approve(user.get());
    return EntraPages.approved(device.client.displayName());
  }
}
