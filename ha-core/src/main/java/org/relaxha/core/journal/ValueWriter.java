package org.relaxha.core.journal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Encodes one message for a {@link RecordCodec}. Used once, by one thread. */
final class ValueWriter implements RecordCodec.Encoder {
  private final TypeTable types;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
  private final DataOutputStream out = new DataOutputStream(bytes);
  private final Map<String, Integer> names = new HashMap<>();
  private int depth;

  ValueWriter(TypeTable types) {
    this.types = types;
  }

  byte[] encodeMessage(Object value) {
    try {
      out.writeByte(Tags.FORMAT_VERSION);
      writeValue(value);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
    return bytes.toByteArray();
  }

  @Override
  public DataOutput data() {
    return out;
  }

  @Override
  public void writeCount(int count) throws IOException {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    Wire.writeVarLong(out, count);
  }

  @Override
  public void writeValue(Object value) throws IOException {
    if (value == null) {
      out.writeByte(Tags.NULL);
      return;
    }
    if (++depth > Tags.MAX_DEPTH) {
      throw new CodecException(
          "value nested deeper than "
              + Tags.MAX_DEPTH
              + " levels (a cycle?) at a "
              + value.getClass().getName());
    }
    try {
      writeNonNull(value);
    } finally {
      depth--;
    }
  }

  private void writeNonNull(Object value) throws IOException {
    TypeTable.Handling handling = types.handlingOf(value.getClass());
    switch (handling.kind()) {
      case BOOLEAN:
        out.writeByte((Boolean) value ? Tags.TRUE : Tags.FALSE);
        break;
      case BYTE:
        out.writeByte(Tags.BYTE);
        out.writeByte((Byte) value);
        break;
      case SHORT:
        out.writeByte(Tags.SHORT);
        Wire.writeSignedVarLong(out, (Short) value);
        break;
      case CHAR:
        out.writeByte(Tags.CHAR);
        Wire.writeVarLong(out, (Character) value);
        break;
      case INT:
        out.writeByte(Tags.INT);
        Wire.writeSignedVarLong(out, (Integer) value);
        break;
      case LONG:
        out.writeByte(Tags.LONG);
        Wire.writeSignedVarLong(out, (Long) value);
        break;
      case FLOAT:
        out.writeByte(Tags.FLOAT);
        out.writeFloat((Float) value);
        break;
      case DOUBLE:
        out.writeByte(Tags.DOUBLE);
        out.writeDouble((Double) value);
        break;
      case STRING:
        out.writeByte(Tags.STRING);
        Wire.writeString(out, (String) value);
        break;
      case INSTANT:
        out.writeByte(Tags.INSTANT);
        Wire.writeSignedVarLong(out, ((Instant) value).getEpochSecond());
        Wire.writeVarLong(out, ((Instant) value).getNano());
        break;
      case DURATION:
        out.writeByte(Tags.DURATION);
        Wire.writeSignedVarLong(out, ((Duration) value).getSeconds());
        Wire.writeVarLong(out, ((Duration) value).getNano());
        break;
      case BYTES:
        out.writeByte(Tags.BYTES);
        Wire.writeVarLong(out, ((byte[]) value).length);
        out.write((byte[]) value);
        break;
      default:
        writeComposite(value, handling);
    }
  }

  private void writeComposite(Object value, TypeTable.Handling handling) throws IOException {
    switch (handling.kind()) {
      case OPTIONAL:
        writeOptional((Optional<?>) value);
        break;
      case OPTIONAL_LONG:
        writeOptionalLong((OptionalLong) value);
        break;
      case ENUM:
        Enum<?> constant = (Enum<?>) value;
        out.writeByte(Tags.ENUM);
        writeName(constant.getDeclaringClass().getName());
        writeName(constant.name());
        break;
      case RECORD:
        writeRecord(value, handling.record());
        break;
      case LIST:
        writeElements(Tags.LIST, (List<?>) value);
        break;
      case SET:
        writeElements(Tags.SET, (Collection<?>) value);
        break;
      case MAP:
        writeMap((Map<?, ?>) value);
        break;
      case CUSTOM:
        writeCustom(value, handling.registration());
        break;
      default:
        throw new CodecException("cannot encode: " + handling.refusal());
    }
  }

  private void writeOptional(Optional<?> optional) throws IOException {
    if (optional.isEmpty()) {
      out.writeByte(Tags.OPTIONAL_EMPTY);
    } else {
      out.writeByte(Tags.OPTIONAL);
      writeValue(optional.get());
    }
  }

  private void writeOptionalLong(OptionalLong optional) throws IOException {
    if (optional.isEmpty()) {
      out.writeByte(Tags.OPTIONAL_LONG_EMPTY);
    } else {
      out.writeByte(Tags.OPTIONAL_LONG);
      Wire.writeSignedVarLong(out, optional.getAsLong());
    }
  }

  private void writeRecord(Object value, RecordInfo info) throws IOException {
    out.writeByte(Tags.RECORD);
    writeName(value.getClass().getName());
    Wire.writeVarLong(out, info.size());
    for (int i = 0; i < info.size(); i++) {
      writeValue(info.component(value, i));
    }
  }

  private void writeElements(int tag, Collection<?> elements) throws IOException {
    out.writeByte(tag);
    int size = elements.size();
    Wire.writeVarLong(out, size);
    int written = 0;
    for (Object element : elements) {
      writeValue(element);
      written++;
    }
    checkSize(size, written, elements);
  }

  private void writeMap(Map<?, ?> map) throws IOException {
    out.writeByte(Tags.MAP);
    int size = map.size();
    Wire.writeVarLong(out, size);
    int written = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      writeValue(entry.getKey());
      writeValue(entry.getValue());
      written++;
    }
    checkSize(size, written, map);
  }

  private static void checkSize(int size, int written, Object container) {
    if (size != written) {
      throw new CodecException(
          "a " + container.getClass().getName() + " changed size while being encoded");
    }
  }

  @SuppressWarnings("unchecked")
  private void writeCustom(Object value, TypeTable.Registration<?> registration)
      throws IOException {
    out.writeByte(Tags.CUSTOM);
    writeName(registration.type().getName());
    ((RecordCodec.Writer<Object>) registration.writer()).write(value, this);
  }

  /** Writes a class or constant name through the per-message dictionary. */
  private void writeName(String name) throws IOException {
    Integer index = names.get(name);
    if (index != null) {
      Wire.writeVarLong(out, index + 1L);
    } else {
      Wire.writeVarLong(out, 0);
      Wire.writeString(out, name);
      names.put(name, names.size());
    }
  }
}
