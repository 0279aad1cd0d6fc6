package org.relaxha.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** File-level helpers for journal tests: list, cut, flip, and find record boundaries. */
final class JournalFiles {
  private JournalFiles() {}

  static FileStateStore.Options small(long segmentSize) {
    return FileStateStore.Options.builder().segmentSize(segmentSize).fsync(false).build();
  }

  static FileStateStore.Options repairing(long segmentSize) {
    return FileStateStore.Options.builder()
        .segmentSize(segmentSize)
        .fsync(false)
        .repair(true)
        .build();
  }

  static List<Path> segments(Path dir) {
    return list(dir, name -> name.matches("journal-\\d{20}\\.log"));
  }

  static List<Path> snapshots(Path dir) {
    return list(dir, name -> name.matches("snapshot-\\d{20}\\.bin"));
  }

  static List<Path> sideFiles(Path dir, String marker) {
    return list(dir, name -> name.contains(marker));
  }

  static List<String> names(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
  }

  static Path last(List<Path> files) {
    return files.get(files.size() - 1);
  }

  private static List<Path> list(Path dir, java.util.function.Predicate<String> name) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> name.test(p.getFileName().toString()))
          .sorted(Comparator.comparing(Path::toString))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void truncate(Path file, int size) {
    byte[] bytes = read(file);
    write(file, java.util.Arrays.copyOf(bytes, size));
  }

  static void flip(Path file, int offset, int mask) {
    byte[] bytes = read(file);
    bytes[offset] ^= (byte) mask;
    write(file, bytes);
  }

  static void append(Path file, byte[] more) {
    byte[] bytes = read(file);
    byte[] joined = java.util.Arrays.copyOf(bytes, bytes.length + more.length);
    System.arraycopy(more, 0, joined, bytes.length, more.length);
    write(file, joined);
  }

  /** The start offsets of the records in a well-formed segment. */
  static List<Integer> recordStarts(Path segment) {
    ByteBuffer bytes = ByteBuffer.wrap(read(segment));
    List<Integer> starts = new ArrayList<>();
    int at = Framing.FILE_HEADER;
    while (at < bytes.limit()) {
      starts.add(at);
      at += Framing.RECORD_HEADER + bytes.getInt(at);
    }
    return starts;
  }

  /** The start of the record holding byte {@code offset}, or 0 for the file header. */
  static int recordStartOf(Path segment, int offset) {
    int start = 0;
    for (int s : recordStarts(segment)) {
      if (s <= offset) {
        start = s;
      }
    }
    return start;
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
