package org.relaxha.examples.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.relaxha.examples.adapters.log.LogNotifier;
import org.relaxha.examples.adapters.log.LogNotifierProvider;
import org.relaxha.examples.config.SiteConfig;
import org.relaxha.spi.config.AdapterContext;
import org.relaxha.spi.config.AdapterProvider;
import org.relaxha.spi.config.ConfigException;
import org.relaxha.spi.config.ConfigSection;
import org.relaxha.spi.model.VmId;
import org.relaxha.spi.notify.Notification;
import org.relaxha.spi.notify.Severity;

class AdapterRegistryTest {
  private static final String HOST = "hosts: [{ name: node-a, cpus: 4, memory: 8G }]\n";

  private static Adapters instantiate(AdapterRegistry registry, String adapters) {
    SiteConfig config =
        registry
            .loader()
            .withEnvironment(Map.of("LAB_PASSWORD", "pw-XYZZY-42")::get)
            .parse(HOST + "adapters:\n" + adapters, "site.yaml");
    return registry.instantiate(config, config.adapterContext(InstantSource.system()));
  }

  private static AdapterProvider provider(
      String type, BiFunction<ConfigSection, AdapterContext, List<Object>> create) {
    return new AdapterProvider() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public String description() {
        return "test";
      }

      @Override
      public List<Object> create(ConfigSection section, AdapterContext context) {
        return create.apply(section, context);
      }
    };
  }

  /** A second provider class claiming the type "lab". */
  static final class OtherLabProvider implements AdapterProvider {
    @Override
    public String type() {
      return "lab";
    }

    @Override
    public String description() {
      return "impostor";
    }

    @Override
    public List<Object> create(ConfigSection section, AdapterContext context) {
      return List.of();
    }
  }

  @Test
  void discoversProvidersThroughServiceLoader() {
    AdapterRegistry registry = AdapterRegistry.discover();
    assertThat(registry.types()).contains("lab", "log");
    assertThat(registry.provider("lab")).get().isInstanceOf(LabAdapterProvider.class);
    assertThat(registry.provider("log")).get().isInstanceOf(LogNotifierProvider.class);
  }

  @Test
  void twoProvidersOfOneTypeIsAnErrorNamingBoth() {
    assertThatThrownBy(() -> AdapterRegistry.of(new LabAdapterProvider(), new OtherLabProvider()))
        .isInstanceOf(DuplicateAdapterTypeException.class)
        .hasMessage(
            "two adapter providers for type 'lab': "
                + LabAdapterProvider.class.getName()
                + " and "
                + OtherLabProvider.class.getName()
                + "; remove one of them from the class path")
        .satisfies(
            e -> {
              DuplicateAdapterTypeException d = (DuplicateAdapterTypeException) e;
              assertThat(d.type()).isEqualTo("lab");
              assertThat(d.firstProvider()).isEqualTo(LabAdapterProvider.class.getName());
              assertThat(d.secondProvider()).isEqualTo(OtherLabProvider.class.getName());
            });
    assertThatThrownBy(() -> AdapterRegistry.discover().with(new OtherLabProvider()))
        .isInstanceOf(DuplicateAdapterTypeException.class);
  }

  @Test
  void rejectsATypeNameThatCannotBeACommand() {
    assertThatThrownBy(() -> AdapterRegistry.of(provider("two words", (s, c) -> List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adapter type must use letters, digits and ._- only");
  }

  @Test
  void sortsComponentsBySpiInConfigOrder() {
    Adapters adapters =
        instantiate(
            AdapterRegistry.discover(),
            "  - { type: lab, name: west, uri: 'lab://west', fencing: true }\n"
                + "  - { type: log, name: audit }\n"
                + "  - { type: lab, name: east, uri: 'lab://east', password: env:LAB_PASSWORD }\n");
    assertThat(adapters.hypervisors()).extracting(h -> h.name()).containsExactly("west", "east");
    assertThat(adapters.monitors()).extracting(m -> m.name()).containsExactly("west", "east");
    assertThat(adapters.fencers()).extracting(f -> f.name()).containsExactly("west");
    assertThat(adapters.notifiers()).singleElement().isInstanceOf(LogNotifier.class);
    assertThat(adapters.storageBackends()).isEmpty();
    assertThat(adapters.serviceControls()).isEmpty();
    assertThat(adapters.provisioners()).isEmpty();
    assertThat(adapters.monitoringControls()).isEmpty();
    assertThat(adapters.instances())
        .extracting(i -> i.config().name() + ":" + i.spis())
        .containsExactly(
            "west:[Monitor, Hypervisor, Fencer]", "audit:[Notifier]", "east:[Monitor, Hypervisor]");
    LabAdapterProvider.LabHypervisor east =
        (LabAdapterProvider.LabHypervisor) adapters.hypervisors().get(1);
    assertThat(east.password().reveal()).isEqualTo("pw-XYZZY-42".toCharArray());
    assertThat(adapters.toString()).doesNotContain("pw-XYZZY-42");
  }

  @Test
  void unreadKeysAfterCreateAreErrors() {
    assertThatThrownBy(
            () ->
                instantiate(
                    AdapterRegistry.discover(),
                    "  - { type: lab, uri: 'lab://x', fencnig: true }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("site.yaml:3: adapters[0].fencnig: unknown key (did you mean 'fencing'?)");
  }

  @Test
  void providerErrorsAreLocated() {
    assertThatThrownBy(() -> instantiate(AdapterRegistry.discover(), "  - { type: lab }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("site.yaml:3: adapters[0].uri: required key is missing");
    AdapterRegistry throwing =
        AdapterRegistry.of(
            provider(
                "boom",
                (s, c) -> {
                  throw new IllegalStateException("no libvirt here");
                }));
    assertThatThrownBy(() -> instantiate(throwing, "  - { type: boom }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "site.yaml:3: adapters[0]: adapter 'boom' (boom): its provider failed: no libvirt here");
  }

  @Test
  void aComponentImplementingNoSpiIsAnError() {
    AdapterRegistry registry =
        AdapterRegistry.of(provider("odd", (s, c) -> List.of(new StringBuilder())));
    assertThatThrownBy(() -> instantiate(registry, "  - { type: odd, name: strange }\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "site.yaml:3: adapters[0]: adapter 'strange' (odd): java.lang.StringBuilder"
                + " implements none of the SPIs Monitor, Hypervisor");
    AdapterRegistry empty = AdapterRegistry.of(provider("none", (s, c) -> List.of()));
    assertThatThrownBy(() -> instantiate(empty, "  - { type: none }\n"))
        .hasMessageContaining("created no components");
  }

  @Test
  void theLogNotifierLogsAndSucceeds() {
    Adapters adapters = instantiate(AdapterRegistry.discover(), "  - { type: log, logger: t }\n");
    Notification n =
        new Notification(
            Severity.CRITICAL,
            Optional.of(VmId.of("web-1")),
            "gave up",
            "3 restarts",
            Instant.EPOCH);
    assertThat(adapters.notifiers().get(0).send(n).succeeded()).isTrue();
    assertThat(adapters.notifiers().get(0).name()).isEqualTo("log");
    adapters.close();
  }

  @Test
  void anUnknownTypeAtInstantiationNamesTheKnownTypes() {
    SiteConfig config =
        AdapterRegistry.discover().loader().parse(HOST + "adapters: [{type: lab, uri: x}]", "s");
    AdapterRegistry other = AdapterRegistry.of(new LogNotifierProvider());
    assertThatThrownBy(
            () -> other.instantiate(config, config.adapterContext(InstantSource.system())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("s:2: adapters[0].type: unknown adapter type 'lab'; known types: log");
  }
}
