/**
 * Azure DevOps classic Release Management REST area ({@code _apis/release}, on the {@code vsrm}
 * host on Services, the collection on Server): release definitions, creating releases, and
 * following them stage by stage.
 */
package io.adoconnect.releases;
