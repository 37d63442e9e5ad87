/**
 * Simulated Build and Pipelines areas: build definitions derived from the dataset (seen as YAML
 * pipelines through the Pipelines API too), queued builds that progress with time, and the {@code
 * build.complete} event when one finishes.
 */
package io.adoconnect.simulator.build;
