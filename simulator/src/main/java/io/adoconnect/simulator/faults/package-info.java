/**
 * Injected trouble: one-shot failures, hangs and throttling by path prefix, and the per-credential
 * rate limiter.
 */
package io.adoconnect.simulator.faults;
