#!/usr/bin/env bash
# ha-monitor-ganglia's integration tests start their own gmond and gmetad processes on loopback
# (free ports, stopped by PID) and compare with what nc prints; they only need the binaries.
# Nothing is started here. .ci/run has already run apt-get update and exported SUDO.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
${SUDO:-} apt-get install -y --no-install-recommends ganglia-monitor gmetad netcat-openbsd
# gmond's metric modules must be where the tests look for them (GangliaLab.MODULE_DIRS).
if ! compgen -G "/usr/lib/*/ganglia/modload.so" >/dev/null \
  && ! compgen -G "/usr/lib*/ganglia/modload.so" >/dev/null; then
  echo "gmond's modload.so not found after installing ganglia-monitor" >&2
  exit 1
fi
