package org.relaxha.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one journal segment and checks its framing: header, lengths, CRC32C, sequence. It tells a
 * torn final write (possible only at the end of the last segment) from damage, and keeps the codec
 * bytes of the records after a given sequence number. It decodes nothing.
 */
final class SegmentScanner {

  /** One record that passed its checks. */
  record RawRecord(long seq, long offset, byte[] body) {}

  /**
   * What stopped the scan before the end of the file.
   *
   * @param torn true for an incomplete final record (a crash), false for damage
   * @param offset where the bad record (or the file header, offset 0) starts
   * @param seq the sequence number the record holds or should hold
   * @param what a sentence fragment for an administrator, naming the offset
   */
  record Problem(boolean torn, long offset, long seq, String what) {}

  /**
   * The outcome of a scan.
   *
   * @param records the good records after {@code keepAfter}, in order
   * @param goodEnd the offset just after the last good record (the header's end if none)
   * @param nextSeq the sequence number the next record should hold
   * @param size the file's size
   * @param problem what stopped the scan, or null if the whole file is good
   */
  record Result(List<RawRecord> records, long goodEnd, long nextSeq, long size, Problem problem) {}

  private final FileChannel channel;
  private final long size;
  private final boolean last;

  private SegmentScanner(FileChannel channel, boolean last) throws IOException {
    this.channel = channel;
    this.size = channel.size();
    this.last = last;
  }

  /**
   * Scans {@code file}, whose name says it starts at {@code firstSeq}.
   *
   * @param last whether this is the newest segment (only there can a write have been torn)
   * @param keepAfter records up to this sequence number are checked but not kept
   */
  static Result scan(Path file, long firstSeq, boolean last, long keepAfter) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return new SegmentScanner(channel, last).scan(firstSeq, keepAfter);
    }
  }

  private Result scan(long firstSeq, long keepAfter) throws IOException {
    List<RawRecord> records = new ArrayList<>();
    Problem header = checkHeader(firstSeq);
    if (header != null) {
      return new Result(records, 0, firstSeq, size, header);
    }
    long pos = Framing.FILE_HEADER;
    long expected = firstSeq;
    while (pos < size) {
      RecordOrProblem next = readRecord(pos, expected);
      if (next.problem != null) {
        return new Result(records, pos, expected, size, next.problem);
      }
      if (expected > keepAfter) {
        records.add(new RawRecord(expected, pos, next.body));
      }
      expected++;
      pos += Framing.RECORD_HEADER + next.length;
    }
    return new Result(records, pos, expected, size, null);
  }

  private Problem checkHeader(long firstSeq) throws IOException {
    if (size < Framing.FILE_HEADER) {
      String what =
          "the file ends inside its "
              + Framing.FILE_HEADER
              + "-byte header (it holds "
              + size
              + " bytes)";
      return new Problem(last, 0, firstSeq, last ? what : what + ", but later segments exist");
    }
    ByteBuffer header = read(0, Framing.FILE_HEADER);
    int magic = header.getInt();
    int version = header.getInt();
    long headerSeq = header.getLong();
    if (magic != Framing.SEGMENT_MAGIC) {
      return damaged(0, firstSeq, "the file header at offset 0 lacks the journal magic number");
    }
    if (version != Framing.VERSION) {
      return damaged(
          0,
          firstSeq,
          "the file header at offset 0 says format version "
              + version
              + ", but this RelaxHA reads version "
              + Framing.VERSION);
    }
    if (headerSeq != firstSeq) {
      return damaged(
          0,
          firstSeq,
          "the file header at offset 0 says the segment starts at seq "
              + headerSeq
              + ", but its name says "
              + firstSeq);
    }
    return null;
  }

  private RecordOrProblem readRecord(long pos, long expected) throws IOException {
    long remaining = size - pos;
    String at = "record at offset " + pos + " (seq " + expected + ")";
    if (remaining < Framing.RECORD_HEADER) {
      return incomplete(
          pos, expected, at + " is incomplete: the file ends inside its 8-byte header");
    }
    ByteBuffer recordHeader = read(pos, Framing.RECORD_HEADER);
    int length = recordHeader.getInt();
    int crc = recordHeader.getInt();
    if (length == 0 && crc == 0 && last && zeroFrom(pos)) {
      return new RecordOrProblem(
          new Problem(true, pos, expected, at + " is incomplete: the rest of the file is zeros"));
    }
    if (length < Framing.MIN_PAYLOAD || length > Framing.MAX_PAYLOAD) {
      return new RecordOrProblem(
          damaged(pos, expected, at + " declares an impossible length of " + length + " bytes"));
    }
    long available = remaining - Framing.RECORD_HEADER;
    if (length > available) {
      if (last
          && Framing.somePrefixHasCrc(bytes(pos + Framing.RECORD_HEADER, (int) available), crc)) {
        return new RecordOrProblem(
            damaged(
                pos,
                expected,
                at
                    + " declares "
                    + length
                    + " bytes, more than the file holds, yet a shorter prefix matches its CRC32C:"
                    + " its length field is damaged"));
      }
      return incomplete(
          pos,
          expected,
          at
              + " is incomplete: it declares "
              + length
              + " bytes but the file ends "
              + available
              + " bytes into it");
    }
    byte[] payload = bytes(pos + Framing.RECORD_HEADER, length);
    if (Framing.crc(payload, 0, length) != crc) {
      return new RecordOrProblem(damaged(pos, expected, at + " fails its CRC32C check"));
    }
    long seq = ByteBuffer.wrap(payload).getLong();
    if (seq != expected) {
      return new RecordOrProblem(
          damaged(
              pos,
              expected,
              "record at offset "
                  + pos
                  + " holds seq "
                  + seq
                  + " where seq "
                  + expected
                  + " was expected: the sequence is broken"));
    }
    return new RecordOrProblem(length, Arrays.copyOfRange(payload, Framing.SEQ_BYTES, length));
  }

  /** An incomplete record: a torn write in the last segment, damage anywhere else. */
  private RecordOrProblem incomplete(long pos, long expected, String what) {
    return new RecordOrProblem(
        last
            ? new Problem(true, pos, expected, what)
            : damaged(pos, expected, what + ", but later segments exist"));
  }

  private static Problem damaged(long pos, long seq, String what) {
    return new Problem(false, pos, seq, what);
  }

  private boolean zeroFrom(long pos) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    long at = pos;
    while (at < size) {
      buffer.clear();
      int n = channel.read(buffer, at);
      if (n < 0) {
        return true;
      }
      for (int i = 0; i < n; i++) {
        if (buffer.get(i) != 0) {
          return false;
        }
      }
      at += n;
    }
    return true;
  }

  private byte[] bytes(long pos, int length) throws IOException {
    return read(pos, length).array();
  }

  private ByteBuffer read(long pos, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, pos + buffer.position()) < 0) {
        throw new IOException("file shrank while being read");
      }
    }
    buffer.flip();
    return buffer;
  }

  /** Either a good record (length of its payload and its codec bytes) or a problem. */
  private static final class RecordOrProblem {
    final int length;
    final byte[] body;
    final Problem problem;

    RecordOrProblem(int length, byte[] body) {
      this.length = length;
      this.body = body;
      this.problem = null;
    }

    RecordOrProblem(Problem problem) {
      this.length = 0;
      this.body = null;
      this.problem = problem;
    }
  }
}
