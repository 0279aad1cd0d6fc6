package org.relaxha.core.engine;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.relaxha.spi.model.SubjectId;

/**
 * An unmodifiable set of subjects in their natural order, over a sorted array: what {@link
 * Step#touched()} and the muted or unmuted subjects of a {@link MonitoringUpdate} hold. A step
 * builds it with a {@link Collector}, which sorts the subjects' int codes instead of their names.
 *
 * <p>Immutable and thread-safe.
 */
final class SubjectSet extends AbstractSet<SubjectId> implements SortedSet<SubjectId> {
  private static final SubjectSet EMPTY = new SubjectSet(new SubjectId[0], 0, 0);

  private final SubjectId[] sorted;
  private final int from;
  private final int to;

  private SubjectSet(SubjectId[] sorted, int from, int to) {
    this.sorted = sorted;
    this.from = from;
    this.to = to;
  }

  /** The set of {@code subjects}: this very set if it already is one. */
  static SubjectSet copyOf(Collection<? extends SubjectId> subjects) {
    if (subjects instanceof SubjectSet same) {
      return same;
    }
    SubjectId[] sorted = new TreeSet<SubjectId>(subjects).toArray(new SubjectId[0]);
    return ofSorted(sorted, sorted.length);
  }

  /**
   * The set of the first {@code n} subjects of {@code sorted}, which the caller has put in strictly
   * ascending order and no longer changes.
   */
  static SubjectSet ofSorted(SubjectId[] sorted, int n) {
    return n == 0 ? EMPTY : new SubjectSet(sorted, 0, n);
  }

  /**
   * Collects subjects for a set: each configured subject as its {@link EngineContext#code}, so
   * building the set sorts ints instead of comparing names. Not thread-safe; one step uses it.
   */
  static final class Collector {
    private final EngineContext ctx;
    private int[] codes = new int[16];
    private int count;

    /** Subjects without a code (a state not adopted to this topology); rarely created. */
    private Set<SubjectId> elsewhere;

    Collector(EngineContext ctx) {
      this.ctx = ctx;
    }

    void add(SubjectId subject) {
      int code = ctx.code(subject);
      if (code < 0) {
        if (elsewhere == null) {
          elsewhere = new HashSet<>();
        }
        elsewhere.add(subject);
        return;
      }
      if (count == codes.length) {
        codes = Arrays.copyOf(codes, count * 2);
      }
      codes[count++] = code;
    }

    boolean isEmpty() {
      return count == 0 && elsewhere == null;
    }

    /** The subjects added so far, each once, in subject order. */
    SubjectSet toSet() {
      int[] sortedCodes = Arrays.copyOf(codes, count);
      Arrays.sort(sortedCodes);
      SubjectId[] ids = new SubjectId[count];
      int n = 0;
      for (int i = 0; i < count; i++) {
        if (i == 0 || sortedCodes[i] != sortedCodes[i - 1]) {
          ids[n++] = ctx.subject(sortedCodes[i]);
        }
      }
      SubjectSet ranked = ofSorted(ids, n);
      if (elsewhere == null) {
        return ranked;
      }
      Set<SubjectId> all = new HashSet<>(elsewhere);
      all.addAll(ranked);
      return copyOf(all);
    }
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof SubjectId s && Arrays.binarySearch(sorted, from, to, s) >= 0;
  }

  @Override
  public Iterator<SubjectId> iterator() {
    return new Iterator<>() {
      private int next = from;

      @Override
      public boolean hasNext() {
        return next < to;
      }

      @Override
      public SubjectId next() {
        if (next >= to) {
          throw new NoSuchElementException();
        }
        return sorted[next++];
      }
    };
  }

  @Override
  public Comparator<? super SubjectId> comparator() {
    return null;
  }

  @Override
  public SortedSet<SubjectId> subSet(SubjectId fromElement, SubjectId toElement) {
    if (fromElement.compareTo(toElement) > 0) {
      throw new IllegalArgumentException("fromElement > toElement");
    }
    return new SubjectSet(
        sorted, index(fromElement), Math.max(index(fromElement), index(toElement)));
  }

  @Override
  public SortedSet<SubjectId> headSet(SubjectId toElement) {
    return new SubjectSet(sorted, from, index(toElement));
  }

  @Override
  public SortedSet<SubjectId> tailSet(SubjectId fromElement) {
    return new SubjectSet(sorted, index(fromElement), to);
  }

  /** The position of the first subject at least {@code s} within this set's range. */
  private int index(SubjectId s) {
    int i = Arrays.binarySearch(sorted, from, to, s);
    return i >= 0 ? i : -i - 1;
  }

  @Override
  public SubjectId first() {
    if (from == to) {
      throw new NoSuchElementException();
    }
    return sorted[from];
  }

  @Override
  public SubjectId last() {
    if (from == to) {
      throw new NoSuchElementException();
    }
    return sorted[to - 1];
  }
}
