package org.relaxha.testkit.fake;

import org.relaxha.spi.notify.Notifier;
import org.relaxha.testkit.contract.NotifierContract;

class RecordingNotifierContractTest extends NotifierContract {
  @Override
  protected Notifier createNotifier() {
    return new RecordingNotifier();
  }
}
