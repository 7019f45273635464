#!/usr/bin/env bash
# The project's test command: formatting check, unit and integration tests, architecture rules and
# coverage report, for every module, with a JDK 21+ picked automatically.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=$(scripts/java-home.sh)
export JAVA_HOME
exec mvn -B -ntp verify "$@"
