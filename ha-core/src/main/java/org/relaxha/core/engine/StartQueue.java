package org.relaxha.core.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.relaxha.core.collect.PMap;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;

/**
 * The VMs assigned a host and waiting for a boot slot, in start order: higher restart priority
 * first, then larger CPU demand, then name. Persistent: adding or removing a VM returns a new queue
 * in {@code O(log n)} that shares the rest with this one, so every engine step's state keeps its
 * own queue without copying it (a mass failure queues thousands of VMs and takes a step per start).
 * Each VM waits for its target host, and the queue also keeps each host's first VM, so finding the
 * next VM to start skips a host whose boot slots are taken in one test, not one per VM waiting for
 * it.
 *
 * <p>Immutable and thread-safe.
 */
public final class StartQueue implements Iterable<VmId> {
  private static final StartQueue EMPTY = new StartQueue(PMap.empty(), PMap.empty(), PMap.empty());

  /** Every waiting VM with its target host. */
  private final PMap<Key, HostId> entries;

  /** The waiting VMs of each target host. */
  private final PMap<HostId, PMap<Key, Boolean>> byHost;

  /** Each target host's first waiting VM, with the host. */
  private final PMap<Key, HostId> heads;

  private StartQueue(
      PMap<Key, HostId> entries, PMap<HostId, PMap<Key, Boolean>> byHost, PMap<Key, HostId> heads) {
    this.entries = entries;
    this.byHost = byHost;
    this.heads = heads;
  }

  /** The empty queue. */
  public static StartQueue empty() {
    return EMPTY;
  }

  /** How many VMs wait, in {@code O(1)}. */
  public int size() {
    return entries.size();
  }

  /** Whether no VM waits. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The waiting VMs in start order, as a new list. */
  public List<VmId> toList() {
    List<VmId> out = new ArrayList<>(size());
    forEach(out::add);
    return out;
  }

  /** The waiting VMs in start order; a queue changed meanwhile is a new queue, not this one. */
  @Override
  public Iterator<VmId> iterator() {
    return vms(entries.iterator());
  }

  /** The VMs waiting to start on {@code host}, in start order. */
  Iterable<VmId> on(HostId host) {
    PMap<Key, Boolean> queued = byHost.get(host);
    return queued == null ? List.of() : () -> vms(queued.iterator());
  }

  /**
   * The first VM in start order whose target host passes {@code hasSlot}, or null. Only each host's
   * first VM is looked at, so hosts without a free slot cost one test each however many VMs wait
   * for them.
   */
  VmId firstOnHost(Predicate<HostId> hasSlot) {
    for (Map.Entry<Key, HostId> head : heads) {
      if (hasSlot.test(head.getValue())) {
        return head.getKey().vm;
      }
    }
    return null;
  }

  /**
   * This queue with {@code vm} waiting to start on {@code host}: this queue if it already was, the
   * VM moved to {@code host} if it waited for another.
   */
  StartQueue plus(Vm vm, HostId host) {
    Key key = Key.of(vm);
    HostId current = entries.get(key);
    if (current != null) {
      return current.equals(host) ? this : minus(vm).plus(vm, host);
    }
    PMap<Key, HostId> nextEntries = entries.plus(key, host);
    PMap<Key, Boolean> queued = byHost.get(host);
    PMap<Key, HostId> nextHeads = heads;
    if (queued == null) {
      queued = PMap.empty();
      nextHeads = heads.plus(key, host);
    } else {
      Key head = queued.firstKey().orElseThrow();
      if (key.compareTo(head) < 0) {
        nextHeads = heads.minus(head).plus(key, host);
      }
    }
    return new StartQueue(
        nextEntries, byHost.plus(host, queued.plus(key, Boolean.TRUE)), nextHeads);
  }

  /** This queue without {@code vm} (this queue if it was not waiting). */
  StartQueue minus(Vm vm) {
    Key key = Key.of(vm);
    HostId host = entries.get(key);
    if (host == null) {
      return this;
    }
    PMap<Key, Boolean> queued = byHost.get(host).minus(key);
    PMap<Key, HostId> nextHeads = heads;
    if (heads.containsKey(key)) {
      nextHeads = heads.minus(key);
      if (!queued.isEmpty()) {
        nextHeads = nextHeads.plus(queued.firstKey().orElseThrow(), host);
      }
    }
    return new StartQueue(
        entries.minus(key),
        queued.isEmpty() ? byHost.minus(host) : byHost.plus(host, queued),
        nextHeads);
  }

  private static <V> Iterator<VmId> vms(Iterator<Map.Entry<Key, V>> it) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public VmId next() {
        return it.next().getKey().vm;
      }
    };
  }

  /** Equal when the same VMs wait for the same hosts. */
  @Override
  public boolean equals(Object other) {
    return other instanceof StartQueue that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }

  /** A VM's place in the queue: its start-order fields, read once from its spec. */
  private record Key(int priority, double cpus, VmId vm) implements Comparable<Key> {
    static Key of(Vm vm) {
      return new Key(vm.restartPriority(), vm.demand().cpus(), vm.id());
    }

    @Override
    public int compareTo(Key o) {
      int c = Integer.compare(o.priority, priority);
      if (c != 0) {
        return c;
      }
      c = Double.compare(o.cpus, cpus);
      return c != 0 ? c : vm.compareTo(o.vm);
    }

    @Override
    public String toString() {
      return vm.toString();
    }
  }
}
