/** The {@code api-version} rules: parsing and the range each deployment accepts. */
package io.adoconnect.simulator.versioning;
