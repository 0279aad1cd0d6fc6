package org.relaxha.core.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * File headers and record frames, shared by journal segments and snapshots. See the package
 * documentation for the layout.
 */
final class Framing {
  /** "RHAJ": a journal segment. */
  static final int SEGMENT_MAGIC = 0x5248414A;

  /** "RHAS": a snapshot. */
  static final int SNAPSHOT_MAGIC = 0x52484153;

  static final int VERSION = 1;

  /** magic (4) + version (4) + first sequence number or snapshot sequence number (8). */
  static final int FILE_HEADER = 16;

  /** length (4) + CRC32C (4). */
  static final int RECORD_HEADER = 8;

  /** The sequence number at the start of every payload. */
  static final int SEQ_BYTES = 8;

  /** The smallest payload: a sequence number and a one-byte codec message. */
  static final int MIN_PAYLOAD = SEQ_BYTES + 1;

  /** The largest payload a store writes or accepts: 256 MiB. */
  static final int MAX_PAYLOAD = 256 << 20;

  private Framing() {}

  static ByteBuffer fileHeader(int magic, long seq) {
    ByteBuffer header = ByteBuffer.allocate(FILE_HEADER);
    header.putInt(magic).putInt(VERSION).putLong(seq).flip();
    return header;
  }

  /**
   * The frame of one record: length, CRC32C of the payload, then the payload (the sequence number
   * and the codec message).
   *
   * @throws IllegalArgumentException if the payload exceeds {@link #MAX_PAYLOAD}
   */
  static ByteBuffer record(long seq, byte[] body) {
    long payload = (long) SEQ_BYTES + body.length;
    if (payload > MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "a value of "
              + body.length
              + " encoded bytes exceeds the record limit of "
              + MAX_PAYLOAD);
    }
    ByteBuffer frame = ByteBuffer.allocate(RECORD_HEADER + (int) payload);
    frame.putInt((int) payload).putInt(0).putLong(seq).put(body);
    frame.putInt(4, crc(frame.array(), RECORD_HEADER, (int) payload));
    frame.flip();
    return frame;
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /**
   * Whether some prefix of {@code bytes} (of at least {@link #MIN_PAYLOAD} bytes) has the CRC32C
   * {@code expected}: evidence that a record which seems to run past the end of its file is in fact
   * complete and its length field is what got damaged.
   */
  static boolean somePrefixHasCrc(byte[] bytes, int expected) {
    CRC32C crc = new CRC32C();
    for (int i = 0; i < bytes.length; i++) {
      crc.update(bytes[i]);
      if (i + 1 >= MIN_PAYLOAD && (int) crc.getValue() == expected) {
        return true;
      }
    }
    return false;
  }
}
