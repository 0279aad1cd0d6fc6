package org.relaxha.core.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * How a {@link RecordCodec} handles each class: classification for encoding (cached per class), and
 * resolution of class names for decoding, with the allowed-package check before any class is
 * loaded. Immutable apart from thread-safe caches.
 */
final class TypeTable {

  /** How values of one class are written. */
  enum Kind {
    BOOLEAN,
    BYTE,
    SHORT,
    CHAR,
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    STRING,
    INSTANT,
    DURATION,
    BYTES,
    OPTIONAL,
    OPTIONAL_LONG,
    ENUM,
    RECORD,
    LIST,
    SET,
    MAP,
    CUSTOM,
    UNSUPPORTED
  }

  /** A registered type with its writer and reader. */
  record Registration<T>(
      Class<T> type,
      RecordCodec.Writer<? super T> writer,
      RecordCodec.Reader<? extends T> reader) {}

  /**
   * The handling of one class: its kind, plus the registration (CUSTOM), the record metadata
   * (RECORD), or why it cannot be encoded (UNSUPPORTED).
   */
  record Handling(Kind kind, Registration<?> registration, RecordInfo record, String refusal) {
    static Handling of(Kind kind) {
      return new Handling(kind, null, null, null);
    }
  }

  private static final Map<Class<?>, Kind> FINAL_BUILT_INS =
      Map.ofEntries(
          Map.entry(Boolean.class, Kind.BOOLEAN),
          Map.entry(Byte.class, Kind.BYTE),
          Map.entry(Short.class, Kind.SHORT),
          Map.entry(Character.class, Kind.CHAR),
          Map.entry(Integer.class, Kind.INT),
          Map.entry(Long.class, Kind.LONG),
          Map.entry(Float.class, Kind.FLOAT),
          Map.entry(Double.class, Kind.DOUBLE),
          Map.entry(String.class, Kind.STRING),
          Map.entry(Instant.class, Kind.INSTANT),
          Map.entry(Duration.class, Kind.DURATION),
          Map.entry(byte[].class, Kind.BYTES),
          Map.entry(Optional.class, Kind.OPTIONAL),
          Map.entry(OptionalLong.class, Kind.OPTIONAL_LONG));

  private final List<String> packages;
  private final List<Registration<?>> registrations;
  private final Map<Class<?>, Registration<?>> byClass = new HashMap<>();
  private final Map<String, Registration<?>> byName = new HashMap<>();
  private final ClassLoader classLoader;
  private final ConcurrentHashMap<String, Class<?>> loaded = new ConcurrentHashMap<>();
  private final ClassValue<Handling> handling =
      new ClassValue<>() {
        @Override
        protected Handling computeValue(Class<?> type) {
          return classify(type);
        }
      };

  TypeTable(
      List<String> packages, Collection<Registration<?>> registrations, ClassLoader classLoader) {
    this.packages = List.copyOf(packages);
    this.registrations = List.copyOf(registrations);
    for (Registration<?> registration : this.registrations) {
      byClass.put(registration.type(), registration);
      byName.put(registration.type().getName(), registration);
    }
    this.classLoader = classLoader;
  }

  static boolean isFinalBuiltIn(Class<?> type) {
    return FINAL_BUILT_INS.containsKey(type);
  }

  List<String> allowedPackages() {
    return packages;
  }

  List<String> registered() {
    return registrations.stream().map(r -> r.type().getName()).collect(Collectors.toList());
  }

  Handling handlingOf(Class<?> type) {
    return handling.get(type);
  }

  private Handling classify(Class<?> type) {
    Registration<?> exact = byClass.get(type);
    if (exact != null) {
      return new Handling(Kind.CUSTOM, exact, null, null);
    }
    Kind builtIn = FINAL_BUILT_INS.get(type);
    if (builtIn != null) {
      return Handling.of(builtIn);
    }
    for (Registration<?> registration : registrations) {
      if (registration.type().isAssignableFrom(type)) {
        return new Handling(Kind.CUSTOM, registration, null, null);
      }
    }
    if (Enum.class.isAssignableFrom(type)) {
      Class<?> declaring = type.isEnum() ? type : type.getSuperclass();
      return isAllowed(declaring.getName())
          ? Handling.of(Kind.ENUM)
          : refuse("enum " + declaring.getName() + " is outside the allowed packages " + packages);
    }
    if (type.isRecord()) {
      return isAllowed(type.getName())
          ? new Handling(Kind.RECORD, null, RecordInfo.of(type), null)
          : refuse("record " + type.getName() + " is outside the allowed packages " + packages);
    }
    if (List.class.isAssignableFrom(type)) {
      return Handling.of(Kind.LIST);
    }
    if (Set.class.isAssignableFrom(type)) {
      return Handling.of(Kind.SET);
    }
    if (Map.class.isAssignableFrom(type)) {
      return Handling.of(Kind.MAP);
    }
    return refuse(
        "values of class "
            + type.getName()
            + " are not supported (supported: null, boolean, numbers, char, String, Instant,"
            + " Duration, enums, Optional, OptionalLong, List, Set, Map, byte[], records in "
            + packages
            + ", and registered types "
            + registered()
            + ")");
  }

  private static Handling refuse(String why) {
    return new Handling(Kind.UNSUPPORTED, null, null, why);
  }

  boolean isAllowed(String className) {
    for (String prefix : packages) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The registration tagged {@code name}, or null. */
  Registration<?> registration(String name) {
    return byName.get(name);
  }

  /**
   * Loads an allowed class by name, without initializing it.
   *
   * @throws Wire.MalformedException if the name is not allowed or no such class exists
   */
  Class<?> load(String name) {
    if (!isAllowed(name)) {
      throw new Wire.MalformedException(
          "class " + name + " is outside the allowed packages " + packages + "; refusing it");
    }
    Class<?> type = loaded.get(name);
    if (type == null) {
      try {
        type = Class.forName(name, false, classLoader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new Wire.MalformedException("unknown class " + name);
      }
      loaded.putIfAbsent(name, type);
    }
    return type;
  }
}
