package io.adoconnect.simulator.data;

import java.util.List;

/** Name material chosen for variety: spaces, punctuation, non-ASCII and mixed case. */
final class NamePools {

  /** Project names by category; the category of project {@code p} is {@code p % 4}. */
  static final List<List<String>> PROJECTS =
      List.of(
          List.of(
              "Mobile App",
              "Back Office",
              "Customer Portal",
              "Data Platform",
              "Field Service",
              "Risk Engine"),
          List.of(
              "web.api",
              "platform-core",
              "data_pipeline",
              "infra.terraform",
              "build-tools",
              "ml_models"),
          List.of(
              "Zürich Payments", "日本語", "Café", "Ølstue Logistics", "Crème Brûlée", "München Ops"),
          List.of("alpha", "Beta", "gamma Services", "Delta", "epsilon", "iOS Client"));

  /** Words combined into repository names. */
  static final List<String> WORDS =
      List.of(
          "Orders", "Billing", "Search", "Identity", "Catalog", "Payments", "Shipping", "Reports");

  /** Non-ASCII repository names. */
  static final List<String> UNICODE_REPOS =
      List.of("Café-Frontend", "Zürich-Gateway", "日本語-docs", "naïve-bayes", "Ærø-sync", "Señal");

  private NamePools() {}
}
