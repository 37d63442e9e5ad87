/**
 * Classic releases (Release Management, the {@code vsrm} host on Services): release definitions
 * generated from the dataset, releases created in memory whose stages run by the simulator's clock.
 */
package io.adoconnect.simulator.release;
