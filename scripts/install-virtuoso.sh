#!/usr/bin/env bash
# Install Debian's Virtuoso Open Source 7 for `make test-remote`, without starting its service:
# the tests start their own private instance on loopback. Does nothing when virtuoso-t exists.
set -euo pipefail
command -v virtuoso-t >/dev/null 2>&1 && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
added=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  # Tell the package's maintainer scripts not to start the service (exit 101 = "not allowed").
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  added=1
fi
cleanup() { if [ -n "$added" ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null
command -v virtuoso-t >/dev/null
