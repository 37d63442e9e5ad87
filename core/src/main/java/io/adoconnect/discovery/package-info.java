/**
 * Repository discovery across organizations: which organizations to search, one org-level listing
 * each in parallel, cloneable repositories only, sorted by organization/project/name.
 */
package io.adoconnect.discovery;
