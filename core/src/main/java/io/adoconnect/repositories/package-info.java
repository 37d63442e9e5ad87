/** Azure DevOps Git REST area: repositories ({@code _apis/git/repositories}). */
package io.adoconnect.repositories;
