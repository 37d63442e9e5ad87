/**
 * The simulated world: organizations, the Server collection, their projects and repositories,
 * generated deterministically from a seed. Pure data; knows nothing about HTTP or JSON.
 */
package io.adoconnect.simulator.data;
