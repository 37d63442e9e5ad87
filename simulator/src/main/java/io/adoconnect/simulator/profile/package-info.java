/**
 * The global vssps host: the signed-in user's profile and the organizations (accounts) they belong
 * to.
 */
package io.adoconnect.simulator.profile;
