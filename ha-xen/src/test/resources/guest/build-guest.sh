#!/usr/bin/env bash
# Builds the tiny test guest of the ha-xen integration tests into DIR (argument 1): a Debian cloud
# kernel (vmlinuz) and a busybox initramfs whose /init prints "HAVM-BOOTED" on the serial console
# and then a heartbeat every 2 s. Both come from Debian packages fetched with `apt-get download`
# (nothing is installed, nothing is committed). Idempotent: an existing DIR/vmlinuz and
# DIR/initramfs.cpio.gz are kept.
set -euo pipefail
dir=$1
[ -s "$dir/vmlinuz" ] && [ -s "$dir/initramfs.cpio.gz" ] && exit 0
mkdir -p "$dir/pkgs"
cd "$dir/pkgs"
kernel=$(apt-cache depends linux-image-cloud-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
if [ -z "$kernel" ]; then
  echo "cannot resolve linux-image-cloud-amd64 (run apt-get update first)" >&2
  exit 1
fi
# apt-get download warns when the _apt user cannot write here; the download still works.
apt-get download "$kernel" busybox-static 2>&1 | grep -v '^W: Download is performed unsandboxed' || true
for deb in "$kernel"_*.deb busybox-static_*.deb; do
  [ -s "$deb" ] || { echo "apt-get download did not fetch $deb" >&2; exit 1; }
  dpkg-deb -x "$deb" "$dir/root-${deb%%_*}"
done
cp "$dir/root-$kernel"/boot/vmlinuz-* "$dir/vmlinuz.tmp"
bb="$dir/root-busybox-static/bin/busybox"
init="$dir/initramfs"
rm -rf "$init"
mkdir -p "$init"/{bin,proc,sys,dev,tmp}
cp "$bb" "$init/bin/busybox"
cat > "$init/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
echo "HAVM-BOOTED uptime=$(cut -d' ' -f1 /proc/uptime)"
if grep -q 'halt=1' /proc/cmdline; then poweroff -f; fi
n=0
while true; do n=$((n+1)); echo "HAVM-HEARTBEAT $n"; sleep 2; done
INIT
chmod +x "$init/init"
# There is no cpio binary on these machines: busybox has one.
(cd "$init" && find . | "$bb" cpio -o -H newc 2>/dev/null | gzip -1 > "$dir/initramfs.cpio.gz.tmp")
[ "$(stat -c %s "$dir/initramfs.cpio.gz.tmp")" -gt 100000 ] || { echo "initramfs too small" >&2; exit 1; }
mv "$dir/initramfs.cpio.gz.tmp" "$dir/initramfs.cpio.gz"
mv "$dir/vmlinuz.tmp" "$dir/vmlinuz"
rm -rf "$dir/pkgs" "$dir"/root-* "$init"
