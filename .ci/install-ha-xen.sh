#!/usr/bin/env bash
# ha-xen: libvirt client library (in-process test driver), libvirtd with the QEMU driver and QEMU
# for the TCG guest of the integration tests (see shared components.md section 7). Idempotent.
# The tests start their own libvirtd (own config and socket) and stop it by PID; nothing is started
# here. The guest's kernel and busybox are downloaded by the tests themselves (apt-get download).
set -euo pipefail
SUDO=${SUDO-}

$SUDO apt-get install -y --no-install-recommends \
  libvirt0 libvirt-clients libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86

# The Debian build's compiled-in QEMU user must exist, even though qemu.conf below says root:
# without it libvirtd exits with "Failed to parse user 'libvirt-qemu'".
if ! getent passwd libvirt-qemu >/dev/null; then
  $SUDO useradd --system --user-group --no-create-home --home-dir /var/lib/libvirt \
    --shell /usr/sbin/nologin libvirt-qemu
fi

# /etc/libvirt/qemu.conf is not shipped without libvirt-daemon-system. Run QEMU as root with no
# security driver, no cgroups and no namespaces (no systemd, no udev here), and let QEMU write its
# console to a file so that virtlogd is not needed.
$SUDO mkdir -p /etc/libvirt
conf=/etc/libvirt/qemu.conf
marker="# relaxha ha-xen test settings"
if ! grep -qF "$marker" "$conf" 2>/dev/null; then
  $SUDO tee -a "$conf" >/dev/null <<'CONF'
# relaxha ha-xen test settings
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
namespaces = [ ]
cgroup_controllers = [ ]
stdio_handler = "file"
CONF
fi
$SUDO mkdir -p /var/lib/libvirt /var/cache/libvirt /var/log/libvirt /run/libvirt
