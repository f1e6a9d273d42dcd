#!/usr/bin/env bash
# Install Debian's OWL API 5.1.20 (libowlapi-java) and a Java runtime for the OWL 2 profile check
# (tests/ontology/test_owl_profile.py runs tools/owl/ProfileCheck.java with it, offline). The same
# Java runs HermiT and Pellet for tests/ontology/test_owl_reasoners.py (their jars come from
# owlready2, a dev dependency on PyPI).
# Does nothing when the OWL API jar is already there. A JDK is needed to run a .java source file:
# Debian's default-jdk-headless.
set -euo pipefail
[ -e /usr/share/java/owlapi-distribution.jar ] && command -v javac >/dev/null 2>&1 && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  libowlapi-java default-jdk-headless >/dev/null
[ -e /usr/share/java/owlapi-distribution.jar ]
