package org.relaxha.monitor.nagios.writeback;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaxha.spi.model.HostId;
import org.relaxha.spi.model.VmId;

/**
 * The content of the RelaxHA-owned Nagios object file: for every VM, a host template named {@code
 * PREFIX + VM's Nagios name} that carries only {@code parents} (the Nagios host of the physical
 * host the VM runs on), which the user's own host definition of the VM inherits ({@code use
 * relaxha-parents-web-1,generic-host}); optionally a hostdependency of the VM on that host and
 * servicedependencies of all the VM's services on named services of that host. A comment line per
 * VM records its location in RelaxHA's names, so the file itself is the write-back's memory.
 *
 * <p>Rendering is deterministic (no time stamp): the same locations give the same bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class DependencyFile {
  private static final Pattern LOCATION =
      Pattern.compile("# relaxha-location: vm=(\\S+) host=(\\S+)\\s*");

  /** How every file this class renders begins; RelaxHA overwrites no file that does not. */
  public static final String HEADER = "# RelaxHA-owned Nagios objects";

  private DependencyFile() {}

  /**
   * One VM to write.
   *
   * @param vm the VM
   * @param nagiosName its Nagios host name
   * @param host where it runs, if known
   * @param nagiosHost the Nagios host name of {@code host}, if known
   */
  public record Entry(
      VmId vm, String nagiosName, Optional<HostId> host, Optional<String> nagiosHost) {}

  /**
   * What to write besides the templates.
   *
   * @param templatePrefix the template name prefix
   * @param hostDependencies whether to write a hostdependency per VM
   * @param serviceDependencies the physical host's services the VM's services depend on
   */
  public record Options(
      String templatePrefix, boolean hostDependencies, List<String> serviceDependencies) {}

  /** The file's text for these VMs, in the order given. */
  public static String render(List<Entry> entries, Options options, String owner) {
    StringBuilder text = new StringBuilder();
    text.append(HEADER)
        .append(": the parents (and dependencies) of the VMs that\n")
        .append("# RelaxHA moves between hosts. Written by the RelaxHA nagios monitor '")
        .append(owner)
        .append("'.\n# Do not edit: RelaxHA rewrites this file after every move.\n")
        .append("# Include it with cfg_file= in nagios.cfg; each VM's host definition uses its\n")
        .append("# template first, e.g.  use ")
        .append(options.templatePrefix())
        .append("web-1,generic-host\n");
    for (Entry e : entries) {
      text.append('\n');
      e.host()
          .ifPresent(
              h ->
                  text.append("# relaxha-location: vm=")
                      .append(e.vm().name())
                      .append(" host=")
                      .append(h.name())
                      .append('\n'));
      template(text, e, options.templatePrefix());
      if (e.nagiosHost().isPresent()) {
        dependencies(text, e, e.nagiosHost().get(), options);
      }
    }
    return text.toString();
  }

  /** The locations recorded in a file this class rendered (unknown names are skipped). */
  public static Map<VmId, HostId> locations(String text) {
    Map<VmId, HostId> found = new TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher m = LOCATION.matcher(line);
      if (m.matches()) {
        try {
          found.put(VmId.of(m.group(1)), HostId.of(m.group(2)));
        } catch (IllegalArgumentException e) {
          // a hand-edited line with an invalid name: ignore it
        }
      }
    }
    return found;
  }

  /** The template name of a VM's Nagios host. */
  public static String templateName(String prefix, String nagiosName) {
    return prefix + nagiosName;
  }

  private static void template(StringBuilder text, Entry e, String prefix) {
    text.append("define host {\n");
    field(text, "name", templateName(prefix, e.nagiosName()));
    e.nagiosHost().ifPresent(p -> field(text, "parents", p));
    field(text, "register", "0");
    text.append("}\n");
  }

  private static void dependencies(StringBuilder text, Entry e, String parent, Options options) {
    if (options.hostDependencies()) {
      text.append("define hostdependency {\n");
      field(text, "host_name", parent);
      field(text, "dependent_host_name", e.nagiosName());
      field(text, "notification_failure_criteria", "d,u");
      field(text, "execution_failure_criteria", "n");
      text.append("}\n");
    }
    for (String service : options.serviceDependencies()) {
      text.append("define servicedependency {\n");
      field(text, "host_name", parent);
      field(text, "service_description", service);
      field(text, "dependent_host_name", e.nagiosName());
      field(text, "dependent_service_description", "*");
      field(text, "notification_failure_criteria", "w,u,c");
      field(text, "execution_failure_criteria", "n");
      text.append("}\n");
    }
  }

  private static void field(StringBuilder text, String key, String value) {
    text.append('\t').append(key).append('\t').append(value).append('\n');
  }
}
