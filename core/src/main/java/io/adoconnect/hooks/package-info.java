/**
 * Azure DevOps Service Hooks REST area ({@code _apis/hooks/subscriptions}, collection level):
 * webHooks subscriptions that POST events to a receiver, and the events they deliver.
 */
package io.adoconnect.hooks;
