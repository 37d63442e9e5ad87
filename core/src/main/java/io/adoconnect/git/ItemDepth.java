package io.adoconnect.git;

/**
 * How far below a folder a listing goes: its children, or everything beneath it. The value is Azure
 * DevOps' {@code recursionLevel}.
 */
public enum ItemDepth {
  ONE_LEVEL("OneLevel"),
  FULL("Full");

  private final String recursionLevel;

  ItemDepth(String recursionLevel) {
    this.recursionLevel = recursionLevel;
  }

  String recursionLevel() {
    return recursionLevel;
  }
}
