package org.relaxha.core.runtime;

import org.relaxha.spi.model.ActionResult;
import org.relaxha.spi.model.SubjectId;
import org.relaxha.spi.notify.Notification;
import org.relaxha.spi.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier every controller has: writes each notification to the {@code relaxha.notify} log
 * (WARN for warnings, ERROR for critical ones). Thread-safe.
 */
public final class LoggingNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger("relaxha.notify");

  @Override
  public String name() {
    return "log";
  }

  @Override
  public ActionResult send(Notification n) {
    String subject = n.subject().map(SubjectId::key).orElse("cluster");
    switch (n.severity()) {
      case CRITICAL -> LOG.error("[{}] {}: {}", subject, n.title(), n.message());
      case WARNING -> LOG.warn("[{}] {}: {}", subject, n.title(), n.message());
      default -> LOG.info("[{}] {}: {}", subject, n.title(), n.message());
    }
    return ActionResult.done("logged");
  }
}
