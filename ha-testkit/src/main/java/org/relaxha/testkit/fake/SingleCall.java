package org.relaxha.testkit.fake;

/** The single injectable call of a fake with one operation (fencer, notifier, provisioner). */
enum SingleCall {
  CALL
}
