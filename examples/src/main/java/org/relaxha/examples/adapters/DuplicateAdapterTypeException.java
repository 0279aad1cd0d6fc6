package org.relaxha.examples.adapters;

/**
 * Two adapter providers claim one type name. RelaxHA never picks one silently: remove one of the
 * two from the class path.
 *
 * <p>Immutable and thread-safe.
 */
public class DuplicateAdapterTypeException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String firstProvider;
  private final String secondProvider;

  /** Creates the exception for {@code type} and the two providers' class names. */
  public DuplicateAdapterTypeException(String type, String firstProvider, String secondProvider) {
    super(
        "two adapter providers for type '"
            + type
            + "': "
            + firstProvider
            + " and "
            + secondProvider
            + "; remove one of them from the class path");
    this.type = type;
    this.firstProvider = firstProvider;
    this.secondProvider = secondProvider;
  }

  /** The contested type name. */
  public String type() {
    return type;
  }

  /** The class name of the provider registered first. */
  public String firstProvider() {
    return firstProvider;
  }

  /** The class name of the provider registered second. */
  public String secondProvider() {
    return secondProvider;
  }
}
