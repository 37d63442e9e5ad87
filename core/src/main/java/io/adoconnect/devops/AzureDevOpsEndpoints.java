package io.adoconnect.devops;

import java.net.URI;
import java.util.Map;

/**
 * Every base URL ado-connect calls, in one place. The environment overrides each one, so the whole
 * product can be pointed at the simulator (or a proxy): {@code ADO_CONNECT_DEVOPS_URL}, {@code
 * ADO_CONNECT_VSSPS_URL}, {@code ADO_CONNECT_VSRM_URL}, {@code ADO_CONNECT_LOGIN_URL}.
 *
 * @param devops the {@code https://dev.azure.com} equivalent; an organization is {@code
 *     devops/{org}}
 * @param vssps the profile and accounts host
 * @param vsrm the release management host
 * @param login the Microsoft Entra ID authority host
 */
public record AzureDevOpsEndpoints(URI devops, URI vssps, URI vsrm, URI login) {
  public static final AzureDevOpsEndpoints PUBLIC_CLOUD =
      new AzureDevOpsEndpoints(
          URI.create("https://dev.azure.com"),
          URI.create("https://app.vssps.visualstudio.com"),
          URI.create("https://vsrm.dev.azure.com"),
          URI.create("https://login.microsoftonline.com"));

  public AzureDevOpsEndpoints {
    devops = stripSlash(devops);
    vssps = stripSlash(vssps);
    vsrm = stripSlash(vsrm);
    login = stripSlash(login);
  }

  public static AzureDevOpsEndpoints fromEnvironment(Map<String, String> env) {
    return new AzureDevOpsEndpoints(
        url(env, "ADO_CONNECT_DEVOPS_URL", PUBLIC_CLOUD.devops),
        url(env, "ADO_CONNECT_VSSPS_URL", PUBLIC_CLOUD.vssps),
        url(env, "ADO_CONNECT_VSRM_URL", PUBLIC_CLOUD.vsrm),
        url(env, "ADO_CONNECT_LOGIN_URL", PUBLIC_CLOUD.login));
  }

  /** Everything on one base URL: the layout of ado-connect's simulator. */
  public static AzureDevOpsEndpoints allAt(URI base) {
    return new AzureDevOpsEndpoints(base, base, base, base);
  }

  /** {@code https://dev.azure.com/{org}}. */
  public URI organization(String name) {
    return URI.create(devops + "/" + name);
  }

  private static URI url(Map<String, String> env, String name, URI fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return HttpUrls.parse(value.trim(), name);
  }

  private static URI stripSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }
}
