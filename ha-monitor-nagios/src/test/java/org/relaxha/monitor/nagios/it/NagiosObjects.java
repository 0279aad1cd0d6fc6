package org.relaxha.monitor.nagios.it;

/**
 * Builds a Nagios object configuration for tests: a 24x7 period, check commands (check_tcp against
 * loopback ports, check_dummy), one contact that is never notified, and host and service templates
 * that check every 2 s, retry every 1 s and turn HARD after 2 attempts (with interval_length=1).
 * Not thread-safe.
 */
final class NagiosObjects {
  private final StringBuilder text = new StringBuilder();

  NagiosObjects() {
    text.append(
        """
        define timeperiod {
        \ttimeperiod_name\t24x7
        \talias\t24x7
        \tsunday\t00:00-24:00
        \tmonday\t00:00-24:00
        \ttuesday\t00:00-24:00
        \twednesday\t00:00-24:00
        \tthursday\t00:00-24:00
        \tfriday\t00:00-24:00
        \tsaturday\t00:00-24:00
        }
        define command {
        \tcommand_name\tcheck-dummy
        \tcommand_line\t$USER1$/check_dummy $ARG1$ "$ARG2$"
        }
        define command {
        \tcommand_name\tcheck-tcp
        \tcommand_line\t$USER1$/check_tcp -H 127.0.0.1 -p $ARG1$ -t 2
        }
        define command {
        \tcommand_name\tnotify-none
        \tcommand_line\t/bin/true
        }
        define contact {
        \tcontact_name\tnobody
        \thost_notifications_enabled\t0
        \tservice_notifications_enabled\t0
        \thost_notification_period\t24x7
        \tservice_notification_period\t24x7
        \thost_notification_options\tn
        \tservice_notification_options\tn
        \thost_notification_commands\tnotify-none
        \tservice_notification_commands\tnotify-none
        }
        define host {
        \tname\tit-host
        \tcheck_interval\t2
        \tretry_interval\t1
        \tmax_check_attempts\t2
        \tcheck_period\t24x7
        \tcontacts\tnobody
        \tnotification_period\t24x7
        \tregister\t0
        }
        define service {
        \tname\tit-service
        \tcheck_interval\t2
        \tretry_interval\t1
        \tmax_check_attempts\t2
        \tcheck_period\t24x7
        \tcontacts\tnobody
        \tnotification_period\t24x7
        \tregister\t0
        }
        """);
  }

  /** A host that is always UP (check_dummy 0). */
  NagiosObjects upHost(String name) {
    return host(name, "it-host", "check-dummy!0!alive");
  }

  /** A host checked by connecting to a loopback port. */
  NagiosObjects tcpHost(String name, int port) {
    return host(name, "it-host", "check-tcp!" + port);
  }

  /** A host with its own templates ({@code use}). */
  NagiosObjects host(String name, String use, String check) {
    return block(
        "host", "use", use, "host_name", name, "address", "127.0.0.1", "check_command", check);
  }

  /** A service checked by connecting to a loopback port. */
  NagiosObjects tcpService(String host, String description, int port) {
    return service(host, description, "check-tcp!" + port);
  }

  /** A service that is always OK. */
  NagiosObjects okService(String host, String description) {
    return service(host, description, "check-dummy!0!fine");
  }

  NagiosObjects service(String host, String description, String check) {
    return block(
        "service",
        "use",
        "it-service",
        "host_name",
        host,
        "service_description",
        description,
        "check_command",
        check);
  }

  /** Any command. */
  NagiosObjects command(String name, String line) {
    return block("command", "command_name", name, "command_line", line);
  }

  NagiosObjects block(String type, String... keyValues) {
    text.append("define ").append(type).append(" {\n");
    for (int i = 0; i < keyValues.length; i += 2) {
      text.append('\t').append(keyValues[i]).append('\t').append(keyValues[i + 1]).append('\n');
    }
    text.append("}\n");
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
