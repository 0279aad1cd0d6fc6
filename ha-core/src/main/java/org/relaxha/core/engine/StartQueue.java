package org.relaxha.core.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import org.relaxha.core.collect.KeyRanks;
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
 * it. A queue made {@link #emptyOver(KeyRanks, KeyRanks, Collection) over the configured VMs} keeps
 * those first VMs by their place in the start order of all configured VMs (ranked once), so a
 * failed host's hundred VMs, each first on its new host, are queued without a tree insertion each.
 *
 * <p>Immutable and thread-safe.
 */
public final class StartQueue implements Iterable<VmId> {
  private static final StartQueue EMPTY = new StartQueue(PMap.empty(), PMap.empty(), 0, null);

  /** The waiting VMs of each target host. */
  private final PMap<HostId, PMap<Key, Boolean>> byHost;

  /** Each target host's first waiting VM, with the host. */
  private final PMap<Key, HostId> heads;

  private final int size;

  /** The configured VMs' keys, or null for a queue not made over them. */
  private final KnownKeys known;

  private StartQueue(
      PMap<HostId, PMap<Key, Boolean>> byHost, PMap<Key, HostId> heads, int size, KnownKeys known) {
    this.byHost = byHost;
    this.heads = heads;
    this.size = size;
    this.known = known;
  }

  /** The empty queue. */
  public static StartQueue empty() {
    return EMPTY;
  }

  /**
   * The empty queue for target hosts among {@code hosts} and VMs among {@code vms}: a host's
   * waiting VMs are found by the host's rank (see {@link PMap#emptyOver}), and the hosts' first VMs
   * are kept by rank in the start order of {@code vms} (sorted once here, {@code O(V log V)}). Each
   * VM's place in that order is made once and found again by its id's rank in {@code vmIds}, which
   * should be the ranks the caller looks its VMs up with (their last lookup is remembered). Other
   * hosts and VMs still work, only slower.
   *
   * @throws IllegalArgumentException if a VM is given twice
   */
  public static StartQueue emptyOver(
      KeyRanks<HostId> hosts, KeyRanks<VmId> vmIds, Collection<Vm> vms) {
    List<Key> keys = new ArrayList<>(vms.size());
    Key[] byIdRank = new Key[vmIds.size()];
    for (Vm vm : vms) {
      Key key = Key.of(vm);
      keys.add(key);
      int rank = vmIds.rank(vm.id());
      if (rank >= 0) {
        byIdRank[rank] = key;
      }
    }
    return new StartQueue(
        PMap.emptyOver(hosts),
        PMap.emptyOver(KeyRanks.of(keys)),
        0,
        new KnownKeys(vmIds, byIdRank));
  }

  /** How many VMs wait, in {@code O(1)}. */
  public int size() {
    return size;
  }

  /** Whether no VM waits. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The waiting VMs in start order, as a new list. */
  public List<VmId> toList() {
    List<VmId> out = new ArrayList<>(size);
    forEach(out::add);
    return out;
  }

  /**
   * The waiting VMs in start order (the hosts' queues merged, {@code O(log h)} per VM for {@code h}
   * target hosts); a queue changed meanwhile is a new queue, not this one.
   */
  @Override
  public Iterator<VmId> iterator() {
    PriorityQueue<Cursor> cursors = new PriorityQueue<>();
    for (PMap<Key, Boolean> queued : byHost.values()) {
      Cursor.advance(queued.iterator(), cursors);
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !cursors.isEmpty();
      }

      @Override
      public VmId next() {
        Cursor first = cursors.remove();
        Cursor.advance(first.rest, cursors);
        return first.key.vm;
      }
    };
  }

  /** The VMs waiting to start on {@code host}, in start order. */
  Iterable<VmId> on(HostId host) {
    PMap<Key, Boolean> queued = byHost.get(host);
    List<VmId> vms = new ArrayList<>(queued == null ? 0 : queued.size());
    if (queued != null) {
      queued.forEach((key, x) -> vms.add(key.vm));
    }
    return vms;
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
   * This queue with {@code vm} waiting to start on {@code host} (this queue if it already was). A
   * VM waits for one host: to move it, take it out for the old one first.
   */
  StartQueue plus(Vm vm, HostId host) {
    return plus(vm, host, null);
  }

  /**
   * {@link #plus(Vm, HostId)}, writing in place the nodes of its ranked maps that {@code owner}
   * created: for a caller that holds the only reference to this queue, as {@link PMap.Batch} does.
   */
  StartQueue plus(Vm vm, HostId host, PMap.Owner owner) {
    Key key = keyOf(vm);
    PMap<Key, Boolean> queued = byHost.get(host);
    PMap<Key, HostId> nextHeads = heads;
    if (queued == null) {
      queued = PMap.empty();
      nextHeads = heads.plus(key, host, owner);
    } else if (queued.containsKey(key)) {
      return this;
    } else {
      Key head = queued.firstKey().orElseThrow();
      if (key.compareTo(head) < 0) {
        nextHeads = heads.minus(head, owner).plus(key, host, owner);
      }
    }
    return new StartQueue(
        byHost.plus(host, queued.plus(key, Boolean.TRUE), owner), nextHeads, size + 1, known);
  }

  /** This queue without {@code vm}, which waited for {@code host} (this queue if it did not). */
  StartQueue minus(Vm vm, HostId host) {
    return minus(vm, host, null);
  }

  /** {@link #minus(Vm, HostId)}, writing in place as {@link #plus(Vm, HostId, PMap.Owner)} does. */
  StartQueue minus(Vm vm, HostId host, PMap.Owner owner) {
    Key key = keyOf(vm);
    PMap<Key, Boolean> queued = byHost.get(host);
    if (queued == null || !queued.containsKey(key)) {
      return this;
    }
    queued = queued.minus(key);
    PMap<Key, HostId> nextHeads = heads;
    if (heads.containsKey(key)) {
      nextHeads = heads.minus(key, owner);
      if (!queued.isEmpty()) {
        nextHeads = nextHeads.plus(queued.firstKey().orElseThrow(), host, owner);
      }
    }
    return new StartQueue(
        queued.isEmpty() ? byHost.minus(host, owner) : byHost.plus(host, queued, owner),
        nextHeads,
        size - 1,
        known);
  }

  /**
   * {@code vm}'s key: the one made for it with the queue when {@code vm} is configured as it was
   * then, so that looking it up in {@link #heads} finds the very same object, else a new one.
   */
  private Key keyOf(Vm vm) {
    Key key = known == null ? null : known.of(vm);
    return key != null ? key : Key.of(vm);
  }

  /** Equal when the same VMs wait for the same hosts. */
  @Override
  public boolean equals(Object other) {
    return other instanceof StartQueue that && byHost.equals(that.byHost);
  }

  @Override
  public int hashCode() {
    return byHost.hashCode();
  }

  @Override
  public String toString() {
    return byHost.toString();
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

  /** The keys made for the configured VMs, by the rank of their ids. */
  private record KnownKeys(KeyRanks<VmId> ids, Key[] byIdRank) {
    /** {@code vm}'s key if it was made for this very spec, else null. */
    Key of(Vm vm) {
      int rank = ids.rank(vm.id());
      Key key = rank < 0 ? null : byIdRank[rank];
      return key != null && key.priority == vm.restartPriority() && key.cpus == vm.demand().cpus()
          ? key
          : null;
    }
  }

  /** One host's queue during a merge: its next VM and the rest. */
  private record Cursor(Key key, Iterator<Map.Entry<Key, Boolean>> rest)
      implements Comparable<Cursor> {
    static void advance(Iterator<Map.Entry<Key, Boolean>> rest, PriorityQueue<Cursor> cursors) {
      if (rest.hasNext()) {
        cursors.add(new Cursor(rest.next().getKey(), rest));
      }
    }

    @Override
    public int compareTo(Cursor o) {
      return key.compareTo(o.key);
    }
  }
}
