package org.relaxha.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.relaxha.spi.model.VmId;

/** Domain look-ups against a real test-driver connection. */
class DomainsTest {
  @TempDir Path dir;

  @Test
  void aDomainThatVanishesMidCallIsAbsentNotAnError() throws Exception {
    TestDriverHosts.write(dir);
    Connect c = new Connect(TestDriverHosts.uri(dir, "node-a"));
    try {
      Domains domains = new Domains(LibvirtConfig.builder().host("h", "test:///default").build());
      Domain handle = domains.lookup(c, VmId.of("vm-b")).orElseThrow();
      Domain other = c.domainLookupByName("vm-b");
      other.undefine(); // someone else removes it between our two calls
      HostLink.free(other);
      assertThat(Domains.state(handle)).isEmpty();
      assertThat(domains.lookup(c, VmId.of("vm-b"))).isEmpty();
      assertThat(domains.list(c)).noneMatch(s -> s.vm().equals(VmId.of("vm-b")));
      HostLink.free(handle);
    } finally {
      c.close();
    }
  }

  @Test
  void domainNamesThatAreNoVmNamesAreSkipped() {
    Domains domains =
        new Domains(
            LibvirtConfig.builder().host("h", "test:///default").domain("web-1", "web1").build());
    assertThat(domains.vmOf("web1")).contains(VmId.of("web-1"));
    assertThat(domains.vmOf("web-1")).as("the mapped VM's own name is another domain").isEmpty();
    assertThat(domains.vmOf("has space")).isEmpty();
    assertThat(domains.domainOf(VmId.of("web-1"))).isEqualTo("web1");
  }
}
