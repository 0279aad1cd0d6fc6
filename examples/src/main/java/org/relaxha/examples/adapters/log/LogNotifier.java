package org.relaxha.examples.adapters.log;

import org.relaxha.spi.Require;
import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.notify.Notification;
import org.relaxha.spi.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Notifier} that writes each notification as one log line: INFO, WARN or ERROR by
 * severity. Useful on its own for an audit trail, and as a second notifier next to mail.
 *
 * <p>Thread-safe: SLF4J loggers are.
 */
public final class LogNotifier implements Notifier {
  private final String name;
  private final Logger log;

  /** A notifier called {@code name} that writes to the SLF4J logger {@code loggerName}. */
  public LogNotifier(String name, String loggerName) {
    this.name = Require.nonBlank(name, "name");
    this.log = LoggerFactory.getLogger(Require.nonBlank(loggerName, "logger"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ActionResult send(Notification n) {
    String subject = n.subject().map(s -> s.key() + ": ").orElse("");
    String text = subject + n.title() + (n.message().isEmpty() ? "" : " - " + n.message());
    switch (n.severity()) {
      case INFO -> log.info("{}", text);
      case WARNING -> log.warn("{}", text);
      case CRITICAL -> log.error("{}", text);
    }
    return ActionResult.done("logged to " + log.getName());
  }

  @Override
  public String toString() {
    return "LogNotifier[" + name + " -> " + log.getName() + "]";
  }
}
