/**
 * An Azure DevOps simulator for tests and benchmarks: {@link io.adoconnect.simulator.Simulator}
 * serves generated organizations, a Server collection and the global vssps host on one local port,
 * in Azure DevOps' wire format. This package holds the public API and the routing; each area lives
 * in its own sub-package.
 */
package io.adoconnect.simulator;
