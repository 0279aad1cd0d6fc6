#!/usr/bin/env bash
# Installs what ha-monitor-nagios's integration tests need: Nagios 4 (nagios4, started by the tests
# themselves under a temporary directory) and the check plugins (check_tcp, check_dummy).
# .ci/run calls this after apt-get update, with CI=true. It starts no daemon.
set -euo pipefail
${SUDO:-} apt-get install -y --no-install-recommends nagios4-core monitoring-plugins-basic
