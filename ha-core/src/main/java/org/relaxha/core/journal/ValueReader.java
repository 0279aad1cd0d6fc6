package org.relaxha.core.journal;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Decodes one message for a {@link RecordCodec}. Used once, by one thread. */
final class ValueReader implements RecordCodec.Decoder {
  private final TypeTable types;
  private final Source source;
  private final DataInputStream in;
  private final List<String> names = new ArrayList<>();
  private int depth;

  ValueReader(TypeTable types, byte[] bytes, int offset, int length) {
    this.types = types;
    this.source = new Source(bytes, offset, length);
    this.in = new DataInputStream(source);
  }

  Object decodeMessage() {
    try {
      int version = in.readUnsignedByte();
      if (version != Tags.FORMAT_VERSION) {
        throw new CodecException(
            "the message starts with format version "
                + version
                + ", expected "
                + Tags.FORMAT_VERSION
                + " (offset 0)");
      }
      Object value = readValue();
      if (source.available() > 0) {
        throw new CodecException(
            source.available()
                + " unexpected bytes after the value, at offset "
                + source.position());
      }
      return value;
    } catch (EOFException e) {
      throw new CodecException(
          "the message is truncated: it ends at offset " + source.position() + " inside a value",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: reading from memory", e);
    }
  }

  @Override
  public DataInput data() {
    return in;
  }

  @Override
  public int readCount() throws IOException {
    int count = Wire.readVarIntNonNegative(in);
    if (count > source.available()) {
      throw new CodecException(
          "count "
              + count
              + " exceeds the "
              + source.available()
              + " bytes left, at offset "
              + source.position());
    }
    return count;
  }

  @Override
  public <T> T readValue(Class<T> type) throws IOException {
    int at = source.position();
    Object value = readValue();
    if (value != null && !type.isInstance(value)) {
      throw new CodecException(
          "expected a "
              + type.getName()
              + " at offset "
              + at
              + " but found a "
              + value.getClass().getName());
    }
    return type.cast(value);
  }

  @Override
  public Object readValue() throws IOException {
    int at = source.position();
    if (++depth > Tags.MAX_DEPTH) {
      throw new CodecException(
          "values nested deeper than " + Tags.MAX_DEPTH + " levels, at offset " + at);
    }
    try {
      return readTagged(in.readUnsignedByte(), at);
    } catch (Wire.MalformedException | RecordInfo.RejectedException e) {
      throw new CodecException(e.getMessage() + ", at offset " + at, e.getCause());
    } finally {
      depth--;
    }
  }

  private Object readTagged(int tag, int at) throws IOException {
    switch (tag) {
      case Tags.NULL:
        return null;
      case Tags.FALSE:
        return Boolean.FALSE;
      case Tags.TRUE:
        return Boolean.TRUE;
      case Tags.BYTE:
        return in.readByte();
      case Tags.SHORT:
        return (short) readSigned(Short.MIN_VALUE, Short.MAX_VALUE, "short");
      case Tags.CHAR:
        return readChar();
      case Tags.INT:
        return (int) readSigned(Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
      case Tags.LONG:
        return Wire.readSignedVarLong(in);
      case Tags.FLOAT:
        return in.readFloat();
      case Tags.DOUBLE:
        return in.readDouble();
      case Tags.STRING:
        return Wire.readString(in, source.available());
      case Tags.INSTANT:
      case Tags.DURATION:
        return readTime(tag);
      case Tags.BYTES:
        byte[] bytes = new byte[readCount()];
        in.readFully(bytes);
        return bytes;
      case Tags.OPTIONAL_EMPTY:
        return Optional.empty();
      case Tags.OPTIONAL:
        return Optional.ofNullable(readValue());
      case Tags.OPTIONAL_LONG_EMPTY:
        return OptionalLong.empty();
      case Tags.OPTIONAL_LONG:
        return OptionalLong.of(Wire.readSignedVarLong(in));
      default:
        return readComposite(tag, at);
    }
  }

  private Object readComposite(int tag, int at) throws IOException {
    switch (tag) {
      case Tags.LIST:
        return readList();
      case Tags.SET:
        return readSet();
      case Tags.MAP:
        return readMap();
      case Tags.ENUM:
        return readEnum();
      case Tags.RECORD:
        return readRecord();
      case Tags.CUSTOM:
        return readCustom(at);
      default:
        throw new Wire.MalformedException("unknown type tag " + tag);
    }
  }

  private char readChar() throws IOException {
    long value = Wire.readVarLong(in);
    if (value < 0 || value > Character.MAX_VALUE) {
      throw new Wire.MalformedException("char value out of range: " + value);
    }
    return (char) value;
  }

  private long readSigned(long min, long max, String type) throws IOException {
    long value = Wire.readSignedVarLong(in);
    if (value < min || value > max) {
      throw new Wire.MalformedException(type + " value out of range: " + value);
    }
    return value;
  }

  private Object readTime(int tag) throws IOException {
    long seconds = Wire.readSignedVarLong(in);
    long nanos = Wire.readVarLong(in);
    if (nanos < 0 || nanos > 999_999_999L) {
      throw new Wire.MalformedException("nanosecond field out of range: " + nanos);
    }
    try {
      return tag == Tags.INSTANT
          ? Instant.ofEpochSecond(seconds, nanos)
          : Duration.ofSeconds(seconds, nanos);
    } catch (DateTimeException | ArithmeticException e) {
      throw new Wire.MalformedException("time value out of range: " + e.getMessage());
    }
  }

  private List<Object> readList() throws IOException {
    int size = readCount();
    List<Object> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(readValue());
    }
    return Collections.unmodifiableList(list);
  }

  private Set<Object> readSet() throws IOException {
    int size = readCount();
    Set<Object> set = new LinkedHashSet<>(capacity(size));
    for (int i = 0; i < size; i++) {
      int at = source.position();
      if (!set.add(readValue())) {
        throw new CodecException("duplicate set element at offset " + at);
      }
    }
    return Collections.unmodifiableSet(set);
  }

  private Map<Object, Object> readMap() throws IOException {
    int size = readCount();
    Map<Object, Object> map = new LinkedHashMap<>(capacity(size));
    for (int i = 0; i < size; i++) {
      int at = source.position();
      Object key = readValue();
      if (map.containsKey(key)) {
        throw new CodecException("duplicate map key at offset " + at);
      }
      map.put(key, readValue());
    }
    return Collections.unmodifiableMap(map);
  }

  private static int capacity(int size) {
    return (int) Math.min(Integer.MAX_VALUE, size * 4L / 3 + 1);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object readEnum() throws IOException {
    String className = readName();
    String constant = readName();
    Class<?> type = types.load(className);
    if (!type.isEnum()) {
      throw new Wire.MalformedException(className + " is not an enum");
    }
    if (types.handlingOf(type).kind() != TypeTable.Kind.ENUM) {
      throw new Wire.MalformedException("enum " + className + " is registered as a custom type");
    }
    try {
      return Enum.valueOf((Class) type, constant);
    } catch (IllegalArgumentException e) {
      throw new Wire.MalformedException("enum " + className + " has no constant " + constant);
    }
  }

  private Object readRecord() throws IOException {
    String className = readName();
    Class<?> type = types.load(className);
    TypeTable.Handling handling = types.handlingOf(type);
    if (handling.kind() != TypeTable.Kind.RECORD) {
      throw new Wire.MalformedException(
          className + (type.isRecord() ? " is registered as a custom type" : " is not a record"));
    }
    RecordInfo info = handling.record();
    int count = Wire.readVarIntNonNegative(in);
    if (count != info.size()) {
      throw new Wire.MalformedException(
          "record "
              + className
              + " has "
              + info.size()
              + " components but the data holds "
              + count
              + " (was the class changed?)");
    }
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      values[i] = readValue();
    }
    return info.construct(values);
  }

  private Object readCustom(int at) throws IOException {
    String className = readName();
    TypeTable.Registration<?> registration = types.registration(className);
    if (registration == null) {
      throw new Wire.MalformedException("no reader is registered for class " + className);
    }
    Object value;
    try {
      value = registration.reader().read(this);
    } catch (CodecException | EOFException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CodecException(
          "the reader registered for " + className + " refused the data at offset " + at + ": " + e,
          e);
    }
    if (value == null || !registration.type().isInstance(value)) {
      throw new CodecException(
          "the reader registered for " + className + " returned " + value + " at offset " + at);
    }
    return value;
  }

  /** Reads a class or constant name through the per-message dictionary. */
  private String readName() throws IOException {
    int reference = Wire.readVarIntNonNegative(in);
    if (reference == 0) {
      String name = Wire.readString(in, source.available());
      names.add(name);
      return name;
    }
    if (reference > names.size()) {
      throw new Wire.MalformedException(
          "name reference " + reference + " but the dictionary holds " + names.size());
    }
    return names.get(reference - 1);
  }

  /** A byte array input that knows its position relative to the message start. */
  private static final class Source extends ByteArrayInputStream {
    private final int start;

    Source(byte[] bytes, int offset, int length) {
      super(bytes, offset, length);
      this.start = offset;
    }

    int position() {
      return pos - start;
    }
  }
}
