/**
 * Azure DevOps style authentication: accepted PATs (Basic) and bearer tokens, and the 401/203
 * answers given to requests without a valid credential.
 */
package io.adoconnect.simulator.auth;
