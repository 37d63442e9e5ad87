/** Benchmarks, run by scripts/bench. */
package io.adoconnect.bench;
