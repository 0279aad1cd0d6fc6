package org.relaxha.core.journal;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names of the files in a state directory. */
final class FileNames {
  static final String LOCK = "LOCK";
  static final String TEMP_SUFFIX = ".tmp";

  private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{20})\\.log");
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})\\.bin");
  private static final Pattern SNAPSHOT_TEMP = Pattern.compile("snapshot-(\\d{20})\\.bin\\.tmp");

  private FileNames() {}

  static String segment(long firstSeq) {
    return String.format("journal-%020d.log", firstSeq);
  }

  static String snapshot(long seq) {
    return String.format("snapshot-%020d.bin", seq);
  }

  /** The first sequence number of a segment file, or -1 if the name is not a segment's. */
  static long segmentSeq(Path file) {
    return parse(SEGMENT, file);
  }

  /** The sequence number of a snapshot file, or -1 if the name is not a snapshot's. */
  static long snapshotSeq(Path file) {
    return parse(SNAPSHOT, file);
  }

  static boolean isSnapshotTemp(Path file) {
    return SNAPSHOT_TEMP.matcher(file.getFileName().toString()).matches();
  }

  private static long parse(Pattern pattern, Path file) {
    Matcher m = pattern.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return -1;
    }
    try {
      long seq = Long.parseLong(m.group(1));
      return seq >= 1 ? seq : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
