/**
 * Pull requests inside repositories: create, list, get, update (complete, abandon), reviewers,
 * comment threads and PR statuses, kept in memory per organization or collection. Creating and
 * updating raise {@code git.pullrequest.created} / {@code git.pullrequest.updated}.
 */
package io.adoconnect.simulator.pullrequests;
