/**
 * Azure DevOps Profile, Accounts and Location ({@code connectionData}) REST areas: who the user is,
 * which organizations they belong to, and which REST version a Server collection speaks.
 */
package io.adoconnect.organizations;
