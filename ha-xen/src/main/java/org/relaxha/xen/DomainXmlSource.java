package org.relaxha.xen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * Finds the domain XML of a VM that must be defined on a host where it is not defined yet (its
 * disks being on shared storage). <b>The configured directory wins</b>: {@code
 * <domainXmlDirectory>/<domain>.xml} is the administrator's explicit definition, the same for every
 * controller and readable when the VM's own host is dead. Without such a file, the inactive
 * (persistent) definition is copied from the first other managed host, in configuration order, that
 * answers and has the domain defined. A domain already defined on the target is started as defined
 * there and never redefined.
 *
 * <p>Thread-safe.
 */
final class DomainXmlSource {
  /** A domain XML file larger than this is refused (domain XML is a few KiB). */
  static final long MAX_BYTES = 1 << 20;

  private static final int XML_INACTIVE = 2;
  private static final int XML_SECURE = 1;

  /** An XML and where it came from, or why there is none. */
  record Lookup(Optional<String> xml, String origin) {}

  private final LibvirtConfig config;
  private final LibvirtSession session;
  private final Domains domains;

  DomainXmlSource(LibvirtConfig config, LibvirtSession session, Domains domains) {
    this.config = config;
    this.session = session;
    this.domains = domains;
  }

  Lookup find(VmId vm, HostId target) {
    List<String> tried = new ArrayList<>();
    String domain = domains.domainOf(vm);
    if (config.domainXmlDirectory().isPresent()) {
      Path file = config.domainXmlDirectory().get().resolve(domain + ".xml");
      Optional<String> xml = readFile(file, tried);
      if (xml.isPresent()) {
        return new Lookup(xml, "file " + file);
      }
    }
    for (HostId other : config.hosts().keySet()) {
      if (other.equals(target)) {
        continue;
      }
      LibvirtCalls.Outcome<Optional<String>> outcome =
          session.call(other, Optional.of(vm), "read domain XML", c -> xmlOf(c, vm));
      if (outcome instanceof LibvirtCalls.Outcome.Ok<Optional<String>> ok) {
        if (ok.value().isPresent()) {
          return new Lookup(ok.value(), "the definition on " + other);
        }
        tried.add("not defined on " + other);
      } else {
        tried.add(other + " did not answer");
      }
    }
    return new Lookup(Optional.empty(), String.join("; ", tried));
  }

  private Optional<String> xmlOf(Connect c, VmId vm) throws LibvirtException {
    Optional<Domain> d = domains.lookup(c, vm);
    if (d.isEmpty()) {
      return Optional.empty();
    }
    try {
      try {
        return Optional.of(d.get().getXMLDesc(XML_INACTIVE | XML_SECURE));
      } catch (LibvirtException e) {
        if (Domains.absent(e)) {
          return Optional.empty();
        }
        // A read-only or restricted connection may refuse SECURE (passwords): try without.
        return Optional.of(d.get().getXMLDesc(XML_INACTIVE));
      }
    } finally {
      HostLink.free(d.get());
    }
  }

  private static Optional<String> readFile(Path file, List<String> tried) {
    if (!Files.isRegularFile(file)) {
      tried.add("no file " + file);
      return Optional.empty();
    }
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        tried.add(file + " is " + size + " bytes, more than " + MAX_BYTES);
        return Optional.empty();
      }
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      tried.add("cannot read " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
