/** Events the simulated areas raise, for service-hook deliveries. */
package io.adoconnect.simulator.events;
