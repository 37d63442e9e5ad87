/**
 * Where ado-connect keeps what outlives a process: connected accounts, their secrets (only as the
 * {@link io.adoconnect.vault.Vault}'s ciphertext), and the repositories picked as sources.
 *
 * <p>{@link io.adoconnect.store.Store} is embedded SQLite by default ({@code
 * <dataDir>/ado-connect.db}, WAL journal, busy timeout, foreign keys) and PostgreSQL by JDBC URL;
 * the schema is kept by Flyway migrations in {@code db/migration} written in SQL both accept. Every
 * row has an owner ({@code local} for a single user), fixed when the store is opened, so a
 * multi-user service is one {@code Store} per user over a shared database. Queries use Jdbi, one
 * repository class per table.
 */
package io.adoconnect.store;
