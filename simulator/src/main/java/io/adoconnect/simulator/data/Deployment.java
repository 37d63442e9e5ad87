package io.adoconnect.simulator.data;

/** Which product a {@link Collection} imitates. */
public enum Deployment {
  /** Azure DevOps Services (cloud organization). */
  SERVICES,
  /** Azure DevOps Server 2020 (on-premises project collection). */
  SERVER
}
