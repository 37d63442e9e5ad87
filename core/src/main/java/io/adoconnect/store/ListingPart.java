package io.adoconnect.store;

/**
 * One organization of a kept repository listing.
 *
 * @param part its place in the listing, from 0
 * @param organization the organization's name, folded to lower case (what a repository event names)
 * @param repositories its repositories, as JSON (the store doesn't read it)
 */
public record ListingPart(int part, String organization, String repositories) {
  public ListingPart {
    if (part < 0) {
      throw new IllegalArgumentException("part must be zero or positive");
    }
    Require.present(organization, "The organization");
    Require.present(repositories, "The repositories");
  }
}
