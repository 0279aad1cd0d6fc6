package org.relaxha.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.outside.ForeignPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaxha.core.journal.Fixtures.Bytes;
import org.relaxha.core.journal.Fixtures.Circle;
import org.relaxha.core.journal.Fixtures.Color;
import org.relaxha.core.journal.Fixtures.Counter;
import org.relaxha.core.journal.Fixtures.Drawing;
import org.relaxha.core.journal.Fixtures.Event;
import org.relaxha.core.journal.Fixtures.Group;
import org.relaxha.core.journal.Fixtures.Positive;
import org.relaxha.core.journal.Fixtures.Square;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.Criticality;
import org.relaxha.spi.model.Host;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.Observation;
import org.relaxha.spi.model.ObservedStatus;
import org.relaxha.spi.model.Service;
import org.relaxha.spi.model.ServiceId;
import org.relaxha.spi.model.Topology;
import org.relaxha.spi.model.Vm;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.placement.Assignment;
import org.relaxha.spi.placement.Constraint;
import org.relaxha.spi.placement.Deferral;
import org.relaxha.spi.placement.PlacementPlan;

class RecordCodecTest {
  private final RecordCodec codec = RecordCodec.ofDefaults();

  private Object roundTrip(Object value) {
    return codec.decode(codec.encode(value));
  }

  static Stream<Object> simpleValues() {
    return Stream.of(
        true,
        false,
        (byte) -7,
        (short) -30000,
        'x',
        '\uD800',
        0,
        1,
        -1,
        Integer.MIN_VALUE,
        Integer.MAX_VALUE,
        0L,
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        1.5f,
        -0.0,
        Double.NaN,
        Double.NEGATIVE_INFINITY,
        Math.PI,
        "",
        "plain ascii",
        "ünïcødé, 日本語, emoji \uD83D\uDE80, NUL \u0000, lone surrogate \uDC00",
        "x".repeat(100_000),
        Instant.EPOCH,
        Instant.parse("2026-11-22T02:14:38.123456789Z"),
        Instant.MIN,
        Instant.MAX,
        Duration.ZERO,
        Duration.ofSeconds(-5, 7),
        Duration.ofMinutes(3),
        Color.RED,
        Color.GREEN,
        Criticality.HIGH,
        Optional.empty(),
        Optional.of("here"),
        Optional.of(Optional.of(3)),
        OptionalLong.empty(),
        OptionalLong.of(-42),
        List.of(),
        List.of(1, "two", 3.0),
        Arrays.asList(null, "with null", null),
        Set.of(),
        Set.of("a"),
        Map.of(),
        Map.of("k", List.of(1, 2)),
        new Positive(5),
        new Event(7, "reboot", Instant.ofEpochSecond(1_000_000_000L, 5), Duration.ofMillis(1500)));
  }

  @ParameterizedTest
  @MethodSource("simpleValues")
  void roundTripsEverySupportedType(Object value) {
    Object decoded = roundTrip(value);
    assertThat(decoded).isEqualTo(value);
    if (!(value instanceof java.util.Collection || value instanceof Map)) {
      assertThat(decoded).hasSameClassAs(value);
    }
  }

  @Test
  void roundTripsNull() {
    assertThat(roundTrip(null)).isNull();
    assertThat(roundTrip(Arrays.asList(null, Optional.empty())))
        .isEqualTo(Arrays.asList(null, Optional.empty()));
  }

  @Test
  void keepsEnumConstantsWithBodiesIdentical() {
    assertThat(roundTrip(Color.GREEN)).isSameAs(Color.GREEN);
    assertThat(roundTrip(new EnumMap<>(Map.of(Color.GREEN, 1)))).isEqualTo(Map.of(Color.GREEN, 1));
  }

  @Test
  void roundTripsByteArrays() {
    byte[] bytes = {0, 1, -1, 127, -128};
    assertThat((byte[]) roundTrip(bytes)).containsExactly(bytes);
    assertThat((byte[]) roundTrip(new byte[0])).isEmpty();
  }

  @Test
  void preservesIterationOrderAndReturnsUnmodifiableCollections() {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("zulu", 1);
    map.put("alpha", 2);
    map.put("mike", 3);
    Set<Integer> set = new LinkedHashSet<>(List.of(9, 1, 5));
    @SuppressWarnings("unchecked")
    Map<String, Integer> decodedMap = (Map<String, Integer>) roundTrip(map);
    @SuppressWarnings("unchecked")
    Set<Integer> decodedSet = (Set<Integer>) roundTrip(set);
    @SuppressWarnings("unchecked")
    List<Integer> decodedList = (List<Integer>) roundTrip(new ArrayList<>(List.of(3, 2, 1)));
    assertThat(decodedMap.keySet()).containsExactly("zulu", "alpha", "mike");
    assertThat(decodedSet).containsExactly(9, 1, 5);
    assertThat(decodedList).containsExactly(3, 2, 1);
    assertThatThrownBy(() -> decodedMap.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> decodedSet.add(2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> decodedList.add(2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void sortedCollectionsComeBackInTheirOrder() {
    assertThat((Set<Object>) roundTrip(new TreeSet<>(List.of("c", "a", "b"))))
        .containsExactly("a", "b", "c");
    assertThat(((Map<Object, Object>) roundTrip(new TreeMap<>(Map.of(3, "c", 1, "a")))).keySet())
        .containsExactly(1, 3);
  }

  @Test
  void roundTripsNestedRecordsWithSealedInterfaceAndObjectFields() {
    Group group =
        new Group("g", List.of(new Circle(1.5), new Group("inner", List.of(new Square(2)))));
    Drawing drawing =
        new Drawing(
            "plan",
            List.of(new Circle(1), new Square(3), group),
            Map.of("big", new Circle(100)),
            Optional.of(new Square(9)),
            Color.BLUE,
            List.of(new Event(1, "x", Instant.EPOCH, Duration.ZERO), Optional.empty()));
    assertThat(roundTrip(drawing)).isEqualTo(drawing);
    assertThat(roundTrip(List.of(drawing, drawing))).isEqualTo(List.of(drawing, drawing));
  }

  @Test
  void roundTripsRecordsFromTheSpi() {
    Observation observation =
        Observation.of(
                ServiceId.of("web-1", "httpd"),
                ObservedStatus.FAILED,
                Instant.parse("2026-01-02T03:04:05.678Z"),
                "nagios",
                "CRITICAL - connection refused")
            .withMetrics(Map.of(Observation.LOAD_FIVE, 0.75, "mem_free", 1024.0))
            .asAuthoritative();
    PlacementPlan plan =
        new PlacementPlan(
            List.of(
                new Assignment(VmId.of("web-1"), HostId.of("node-2"), "least loaded"),
                new Assignment(VmId.of("db-1"), HostId.of("node-3"), "fewest VMs")),
            List.of(
                new Deferral(VmId.of("big-1"), Map.of(Constraint.MEMORY, 2, Constraint.LOAD, 1))));
    ActionResult failed = ActionResult.retryable("libvirt: domain busy");
    Host host = Host.builder("node-1").capacity(16, 65536).storagePool("san-a").build();
    Vm vm = Vm.builder("web-1").demand(2, 4096).homeHost("node-1").build();
    Topology topology =
        Topology.of(
            List.of(host),
            List.of(vm),
            List.of(new Service(ServiceId.of("web-1", "httpd"), Criticality.HIGH, "httpd")));

    assertThat(roundTrip(observation)).isEqualTo(observation);
    assertThat(roundTrip(plan)).isEqualTo(plan);
    assertThat(roundTrip(failed)).isEqualTo(failed).isInstanceOf(ActionResult.Failed.class);
    assertThat(roundTrip(topology)).isEqualTo(topology);
    assertThat(roundTrip(List.of(VmId.of("a"), HostId.of("b"))))
        .isEqualTo(List.of(VmId.of("a"), HostId.of("b")));
  }

  @Test
  void repeatedClassNamesCostASmallReference() {
    List<Circle> one = List.of(new Circle(1));
    List<Circle> hundred = Collections.nCopies(100, new Circle(1));
    int first = codec.encode(one).length;
    int perRepeat = (codec.encode(hundred).length - first) / 99;
    // tag + reference + component count + double tag + 8 bytes
    assertThat(perRepeat).isEqualTo(12);
    assertThat(first).isGreaterThan(Circle.class.getName().length());
  }

  @Test
  void runsTheRecordsValidationOnDecode() {
    byte[] bytes = codec.encode(new Positive(1));
    // the int 1 is zig-zag encoded as 2: make it 0, which the constructor refuses
    bytes[bytes.length - 1] = 0;
    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining(Positive.class.getName())
        .hasMessageContaining("value must be > 0")
        .hasMessageContaining("offset 1");
  }

  @Test
  void roundTripsRegisteredCustomTypes() {
    RecordCodec custom = Fixtures.codecWithCustomTypes();
    Counter counter = new Counter("restarts", 3);
    Object value =
        List.of(counter, Map.of("c", counter), new Fixtures.SmallTally(List.of("a", "b")));
    assertThat(custom.decode(custom.encode(value))).isEqualTo(value);
    // a registered interface covers its implementations and wins over record handling
    assertThat(custom.decode(custom.encode(new Fixtures.BigTally(List.of("x"), "label"))))
        .isEqualTo(new Fixtures.SmallTally(List.of("x")));
    assertThat(custom.toString()).contains(Counter.class.getName());
  }

  @Test
  void refusesToEncodeUnsupportedAndDisallowedTypes() {
    assertThatThrownBy(() -> codec.encode(new Counter("c", 1)))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining(Counter.class.getName())
        .hasMessageContaining("not supported");
    assertThatThrownBy(() -> codec.encode(List.of(new ForeignPoint(1, 2))))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining(
            "record com.example.outside.ForeignPoint is outside the allowed packages [org.relaxha.]");
    assertThatThrownBy(() -> codec.encode(java.util.concurrent.TimeUnit.SECONDS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("enum java.util.concurrent.TimeUnit");
    assertThatThrownBy(() -> codec.encode(new StringBuilder("x")))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("java.lang.StringBuilder");
  }

  @Test
  void allowsMorePackagesWhenAsked() {
    RecordCodec wider = RecordCodec.builder().allowPackage("com.example.outside.").build();
    ForeignPoint point = new ForeignPoint(3, 4);
    byte[] bytes = wider.encode(point);
    assertThat(wider.decode(bytes)).isEqualTo(point);
    assertThat(wider.allowedPackages()).containsExactly("org.relaxha.", "com.example.outside.");
    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining(
            "class com.example.outside.ForeignPoint is outside the allowed packages")
        .hasMessageContaining("offset 1");
  }

  @Test
  void refusesToDecodeDisallowedOrUnknownClassesWithoutLoadingThem() {
    byte[] evil = Bytes.message().u8(Tags.RECORD).name("java.lang.ProcessBuilder").u8(0).build();
    byte[] unknown = Bytes.message().u8(Tags.RECORD).name("org.relaxha.NoSuchRecord").u8(0).build();
    byte[] notRecord =
        Bytes.message().u8(Tags.RECORD).name("org.relaxha.spi.Require").u8(0).build();
    byte[] notEnum =
        Bytes.message().u8(Tags.ENUM).name("org.relaxha.spi.Require").name("X").build();
    byte[] noConstant =
        Bytes.message().u8(Tags.ENUM).name(Color.class.getName()).name("PURPLE").build();
    byte[] noReader = Bytes.message().u8(Tags.CUSTOM).name(Counter.class.getName()).build();
    byte[] wrongArity = Bytes.message().u8(Tags.RECORD).name(Circle.class.getName()).u8(2).build();

    assertThatThrownBy(() -> codec.decode(evil))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("class java.lang.ProcessBuilder is outside the allowed packages");
    assertThatThrownBy(() -> codec.decode(unknown))
        .isInstanceOf(CodecException.class)
        .hasMessage("unknown class org.relaxha.NoSuchRecord, at offset 1");
    assertThatThrownBy(() -> codec.decode(notRecord))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("org.relaxha.spi.Require is not a record");
    assertThatThrownBy(() -> codec.decode(notEnum))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("org.relaxha.spi.Require is not an enum");
    assertThatThrownBy(() -> codec.decode(noConstant))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("has no constant PURPLE");
    assertThatThrownBy(() -> codec.decode(noReader))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("no reader is registered for class " + Counter.class.getName());
    assertThatThrownBy(() -> codec.decode(wrongArity))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("has 1 components but the data holds 2");
  }

  @Test
  void reportsGarbageWithItsOffset() {
    assertThatThrownBy(() -> codec.decode(new byte[0]))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("truncated")
        .hasMessageContaining("offset 0");
    assertThatThrownBy(() -> codec.decode(new byte[] {7}))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("format version 7");
    assertThatThrownBy(() -> codec.decode(Bytes.message().u8(99).build()))
        .isInstanceOf(CodecException.class)
        .hasMessage("unknown type tag 99, at offset 1");
    assertThatThrownBy(
            () -> codec.decode(Bytes.message().u8(Tags.LIST).u8(2).u8(Tags.NULL).u8(77).build()))
        .isInstanceOf(CodecException.class)
        .hasMessage("unknown type tag 77, at offset 4");
    assertThatThrownBy(
            () -> codec.decode(Bytes.message().u8(Tags.LIST).u8(100).u8(Tags.NULL).build()))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("count 100 exceeds the 1 bytes left");
    assertThatThrownBy(() -> codec.decode(Bytes.message().u8(Tags.TRUE).u8(Tags.TRUE).build()))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("1 unexpected bytes after the value, at offset 2");
    byte[] truncated = codec.encode(new Event(1, "reboot", Instant.EPOCH, Duration.ZERO));
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(truncated, truncated.length - 1)))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(
            () ->
                codec.decode(
                    Bytes.message().u8(Tags.SET).u8(2).u8(Tags.TRUE).u8(Tags.TRUE).build()))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("duplicate set element at offset 4");
  }

  @Test
  void refusesCyclesAndAbsurdNesting() {
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThatThrownBy(() -> codec.encode(cycle))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("nested deeper than 512 levels");
    Bytes deep = Bytes.message();
    for (int i = 0; i < 10_000; i++) {
      deep.u8(Tags.OPTIONAL);
    }
    byte[] bytes = deep.u8(Tags.NULL).build();
    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("nested deeper than 512 levels");
  }

  @Test
  void typedDecodeChecksTheType() {
    assertThat(codec.decode(codec.encode("s"), String.class)).isEqualTo("s");
    assertThatThrownBy(() -> codec.decode(codec.encode(1), String.class))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("expected a java.lang.String");
  }

  @Test
  void builderRefusesBadRegistrations() {
    RecordCodec.Writer<Counter> writer = (c, out) -> {};
    RecordCodec.Reader<Counter> reader = in -> null;
    assertThatThrownBy(() -> RecordCodec.builder().register(String.class, (s, out) -> {}, in -> ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("register.type");
    assertThatThrownBy(
            () ->
                RecordCodec.builder()
                    .register(Counter.class, writer, reader)
                    .register(Counter.class, writer, reader))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registered twice");
    assertThatThrownBy(() -> RecordCodec.builder().allowPackage(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowPackage.prefix");
  }

  @Test
  void reportsACustomReaderThatRefusesTheData() {
    RecordCodec strict =
        RecordCodec.builder()
            .register(
                Counter.class,
                (c, out) -> out.data().writeLong(c.count),
                in -> {
                  throw new IllegalStateException("bad counter");
                })
            .build();
    assertThatThrownBy(() -> strict.decode(strict.encode(new Counter("c", 1))))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining(
            "the reader registered for "
                + Counter.class.getName()
                + " refused the data at offset 1")
        .hasMessageContaining("bad counter");
  }
}
