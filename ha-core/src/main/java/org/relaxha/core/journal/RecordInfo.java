package org.relaxha.core.journal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/** The components and canonical constructor of one record class, looked up once. */
final class RecordInfo {
  private final Class<?> type;
  private final String[] names;
  private final Method[] accessors;
  private final Constructor<?> constructor;

  private RecordInfo(Class<?> type) {
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    names = new String[components.length];
    accessors = new Method[components.length];
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      accessors[i] = components[i].getAccessor();
      accessors[i].trySetAccessible();
      parameterTypes[i] = components[i].getType();
    }
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record " + type.getName() + " has no canonical constructor");
    }
    constructor.trySetAccessible();
  }

  static RecordInfo of(Class<?> type) {
    return new RecordInfo(type);
  }

  int size() {
    return names.length;
  }

  /** The value of component {@code index} of {@code record}. */
  Object component(Object record, int index) {
    try {
      return accessors[index].invoke(record);
    } catch (IllegalAccessException e) {
      throw new CodecException(
          "cannot read component "
              + names[index]
              + " of record "
              + type.getName()
              + ": not accessible (open its package to org.relaxha.core)",
          e);
    } catch (InvocationTargetException e) {
      throw new CodecException(
          "accessor " + names[index] + "() of record " + type.getName() + " threw", e.getCause());
    }
  }

  /**
   * Builds a record through its canonical constructor, so its validation runs.
   *
   * @throws RejectedException when the constructor refuses the values
   */
  Object construct(Object[] values) {
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new RejectedException(
          "record " + type.getName() + " rejected the decoded values: " + cause, cause);
    } catch (IllegalArgumentException e) {
      throw new RejectedException(
          "the decoded values do not fit the components of record "
              + type.getName()
              + " (was the class changed?): "
              + e.getMessage(),
          e);
    } catch (ReflectiveOperationException e) {
      throw new RejectedException(
          "cannot call the canonical constructor of record " + type.getName() + ": " + e, e);
    }
  }

  /** The constructor refused; the reader adds the offset. */
  static final class RejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RejectedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
