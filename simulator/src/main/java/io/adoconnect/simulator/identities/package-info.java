/**
 * Identities (IMS): who can be named as a reviewer or assignee — the dataset's user and the other
 * simulated Entra users — searchable by mail address or account name.
 */
package io.adoconnect.simulator.identities;
