package io.adoconnect.pullrequests;

/**
 * One file a pull request changes, with its unified diff.
 *
 * @param path the file's path now (for a deleted file, its last path), from the repository root
 * @param originalPath for a rename, where it was; otherwise null
 * @param changeType Azure DevOps' change type: {@code add}, {@code edit}, {@code delete}, {@code
 *     rename} or {@code edit, rename}
 * @param binary whether either side is binary (then there is no patch)
 * @param linesAdded lines only the new side has (0 when not computed)
 * @param linesRemoved lines only the old side has
 * @param patch the unified diff ({@code --- a/…}, {@code +++ b/…}, hunks with 3 lines of context),
 *     or null when it isn't shown — {@code note} then says why
 * @param note why something is left out (binary, too large, over the diff's limit); null otherwise
 */
public record FileDiff(
    String path,
    String originalPath,
    String changeType,
    boolean binary,
    int linesAdded,
    int linesRemoved,
    String patch,
    String note) {}
