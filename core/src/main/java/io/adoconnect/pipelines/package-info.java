/**
 * Azure DevOps Pipelines REST area ({@code {project}/_apis/pipelines}): YAML pipelines and their
 * runs. A pipeline has the id of its build definition and a run the id of its build. Server 2020
 * serves this area as {@code 6.0-preview.1} only.
 */
package io.adoconnect.pipelines;
