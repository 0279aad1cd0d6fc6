package org.relaxha.core.journal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relaxha.spi.Require;

/**
 * A compact binary codec for the values the controller journals: null, booleans, numbers ({@code
 * byte short int long float double char}), strings, {@link java.time.Instant}, {@link
 * java.time.Duration}, enums, {@link java.util.Optional}, {@link java.util.OptionalLong}, lists,
 * sets, maps, {@code byte[]}, records whose class lies in an allowed package, and the types
 * registered with {@link Builder#register}, nested to any depth (up to 512 levels).
 *
 * <p>A record is written as its class name and its components in declaration order, and read back
 * through its canonical constructor, so the record's own validation runs on every decoded value. A
 * field typed as a sealed interface or {@code Object} works because the runtime class is written.
 * Each message keeps a dictionary of the class and enum-constant names it has written, so a
 * repeated name costs one or two bytes. Enums are written by constant name, so reordering constants
 * does not change the meaning of old journals; renaming a record, an enum constant or a record
 * component does.
 *
 * <p>Decoding preserves the iteration order of sets and maps and returns unmodifiable collections
 * (which may hold null). Sorted collections come back as insertion-ordered ones in the same order;
 * their comparator is not kept. Decoding refuses, with a {@link CodecException} naming the class or
 * byte offset, any class outside the allowed packages, unknown classes, and malformed or truncated
 * input. Java serialization is never used.
 *
 * <p>Immutable and thread-safe once built; one instance serves every thread.
 */
public final class RecordCodec {
  /** The package prefix always allowed: RelaxHA's own records. */
  public static final String DEFAULT_PACKAGE = "org.relaxha.";

  private final TypeTable types;

  private RecordCodec(TypeTable types) {
    this.types = types;
  }

  /** A codec for RelaxHA's own records and the built-in types. */
  public static RecordCodec ofDefaults() {
    return builder().build();
  }

  /** A builder that allows {@link #DEFAULT_PACKAGE} and registers nothing. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Encodes {@code value} (which may be null) into a new array.
   *
   * @throws CodecException if the value, or anything inside it, has an unsupported or disallowed
   *     type, or is nested too deeply
   */
  public byte[] encode(Object value) {
    return new ValueWriter(types).encodeMessage(value);
  }

  /**
   * Decodes a whole message produced by {@link #encode}.
   *
   * @throws CodecException if the bytes are malformed, truncated, followed by extra bytes, or name
   *     an unknown or disallowed class, or a record refuses the decoded values
   */
  public Object decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes a whole message that occupies {@code bytes[offset, offset + length)}. Offsets in error
   * messages count from {@code offset}.
   *
   * @throws CodecException as {@link #decode(byte[])}
   */
  public Object decode(byte[] bytes, int offset, int length) {
    Require.nonNull(bytes, "bytes");
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", length " + length + " outside an array of " + bytes.length);
    }
    return new ValueReader(types, bytes, offset, length).decodeMessage();
  }

  /**
   * Decodes a message and checks that it holds a {@code type} (or null).
   *
   * @throws CodecException as {@link #decode(byte[])}, or if the value has another type
   */
  public <T> T decode(byte[] bytes, Class<T> type) {
    Object value = decode(bytes);
    if (value != null && !type.isInstance(value)) {
      throw new CodecException(
          "expected a "
              + type.getName()
              + " but the message holds a "
              + value.getClass().getName());
    }
    return type.cast(value);
  }

  /** The allowed package prefixes, {@link #DEFAULT_PACKAGE} first. */
  public List<String> allowedPackages() {
    return types.allowedPackages();
  }

  @Override
  public String toString() {
    return "RecordCodec[packages="
        + types.allowedPackages()
        + ", registered="
        + types.registered()
        + "]";
  }

  /**
   * Writes the content of a registered type. The codec has already written the type tag and class
   * name; a writer writes what its {@link Reader} reads back, no more and no less.
   *
   * @param <T> the registered type
   */
  @FunctionalInterface
  public interface Writer<T> {
    /** Writes {@code value}, never null, to {@code out}. */
    void write(T value, Encoder out) throws IOException;
  }

  /**
   * Reads back what a {@link Writer} wrote. It may throw any runtime exception to refuse the data;
   * the codec reports it as a {@link CodecException} with the class name and offset.
   *
   * @param <T> the registered type
   */
  @FunctionalInterface
  public interface Reader<T> {
    /** Reads one value from {@code in}. */
    T read(Decoder in) throws IOException;
  }

  /** What a {@link Writer} writes to. Only valid during the call that received it. */
  public interface Encoder {
    /** Raw primitive output (ints, longs, UTF strings of up to 64 KiB...). */
    DataOutput data();

    /** Writes any value the codec supports (null included), recursively, with its type. */
    void writeValue(Object value) throws IOException;

    /** Writes a non-negative count compactly; read it back with {@link Decoder#readCount()}. */
    void writeCount(int count) throws IOException;
  }

  /** What a {@link Reader} reads from. Only valid during the call that received it. */
  public interface Decoder {
    /** Raw primitive input. */
    DataInput data();

    /** Reads a value written by {@link Encoder#writeValue}. */
    Object readValue() throws IOException;

    /**
     * Reads a value written by {@link Encoder#writeValue} and checks its type.
     *
     * @throws CodecException if the value is neither null nor a {@code type}
     */
    <T> T readValue(Class<T> type) throws IOException;

    /**
     * Reads a count written by {@link Encoder#writeCount}.
     *
     * @throws CodecException if it exceeds the bytes left in the message (so a damaged count never
     *     allocates a huge array)
     */
    int readCount() throws IOException;
  }

  /** Builds a {@link RecordCodec}. Not thread-safe. */
  public static final class Builder {
    private final List<String> packages = new ArrayList<>(List.of(DEFAULT_PACKAGE));
    private final Map<Class<?>, TypeTable.Registration<?>> registrations = new LinkedHashMap<>();
    private ClassLoader classLoader = RecordCodec.class.getClassLoader();

    private Builder() {}

    /**
     * Also allows records and enums whose class name starts with {@code prefix} (for example {@code
     * "com.example.ha."}).
     */
    public Builder allowPackage(String prefix) {
      Require.nonBlank(prefix, "allowPackage.prefix");
      if (!packages.contains(prefix)) {
        packages.add(prefix);
      }
      return this;
    }

    /**
     * Registers a type the codec writes with {@code writer} and reads with {@code reader}, tagged
     * by the name of {@code type}. It applies to {@code type} and, when no closer registration
     * matches, to its subtypes (so an interface can be registered for all its implementations); it
     * takes precedence over the built-in handling, except for the final built-in types ({@code
     * String}, the boxed primitives, {@code Instant}, {@code Duration}, {@code Optional}...).
     *
     * @throws IllegalArgumentException if {@code type} is already registered, is one of the final
     *     built-in types, or is a primitive or array type
     */
    public <T> Builder register(
        Class<T> type, Writer<? super T> writer, Reader<? extends T> reader) {
      Require.nonNull(type, "register.type");
      Require.nonNull(writer, "register.writer");
      Require.nonNull(reader, "register.reader");
      if (type.isPrimitive() || type.isArray() || TypeTable.isFinalBuiltIn(type)) {
        throw new IllegalArgumentException(
            "register.type: " + type.getName() + " is handled by the codec itself");
      }
      if (registrations.containsKey(type)) {
        throw new IllegalArgumentException(
            "register.type: " + type.getName() + " is registered twice");
      }
      registrations.put(type, new TypeTable.Registration<>(type, writer, reader));
      return this;
    }

    /** The class loader that decoding loads record and enum classes with (default: this one's). */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Require.nonNull(loader, "classLoader");
      return this;
    }

    /** An immutable codec with the current settings. */
    public RecordCodec build() {
      return new RecordCodec(new TypeTable(packages, registrations.values(), classLoader));
    }
  }
}
