package io.adoconnect.devops;

/**
 * Where an organization lives: Azure DevOps Services (cloud) or an Azure DevOps Server collection.
 */
public enum Deployment {
  SERVICES,
  SERVER
}
