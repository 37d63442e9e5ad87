package io.adoconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.adoconnect.server.builds.BuildsController;
import io.adoconnect.server.connections.PatRequest;
import io.adoconnect.server.errors.ApiException;
import io.adoconnect.server.hooks.HooksController;
import io.adoconnect.server.pullrequests.PullRequestsController;
import io.adoconnect.server.workitems.WorkItemsController;
import java.util.List;

/**
 * Issue 15: every request body goes through {@link JsonBodies#read}. For any bytes it returns the
 * body's record or throws {@link ApiException} with a 400 (the JSON error shape); anything else
 * would be a 500. The message never repeats more than a short field name of the input.
 */
class JsonBodiesFuzzTest {
  private static final List<Class<?>> BODIES =
      List.of(
          PatRequest.class,
          HooksController.NewSubscription.class,
          BuildsController.NewBuild.class,
          WorkItemsController.WorkItemChange.class,
          WorkItemsController.QueryBody.class,
          PullRequestsController.NewPullRequestBody.class);

  @FuzzTest(maxDuration = "2m")
  void aBodyIsItsRecordOrA400(FuzzedDataProvider data) {
    Class<?> type = data.pickValue(BODIES);
    byte[] body = data.consumeRemainingAsBytes();
    try {
      assertThat(JsonBodies.read(body, type)).isInstanceOf(type);
    } catch (ApiException refused) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.getMessage()).isNotBlank().hasSizeLessThan(400);
    }
  }
}
