/** Azure DevOps Core REST area: projects ({@code _apis/projects}). */
package io.adoconnect.projects;
