/**
 * Git area: repository listings (organization and project level) and single repositories, with
 * clone URLs.
 */
package io.adoconnect.simulator.repositories;
