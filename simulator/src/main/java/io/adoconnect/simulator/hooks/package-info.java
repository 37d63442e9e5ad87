/**
 * Service hooks: {@code _apis/hooks/subscriptions} (webHooks/httpRequest consumer only) and the
 * deliveries that turn the areas' {@link io.adoconnect.simulator.events.ServiceEvents} into HTTP
 * POSTs to the subscribed URLs, with retries and the occasional duplicate.
 */
package io.adoconnect.simulator.hooks;
