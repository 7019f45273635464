#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: $JAVA_HOME if it qualifies, else the java on PATH, else the
# newest under /usr/lib/jvm. Exits 1 with a message when there is none.
set -u

major_of() { # java executable -> major version number
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

ok_home() { # home dir -> 0 if it holds java + javac of version >= 21
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local v
  v=$(major_of "$1/bin/java")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}

if [ -n "${JAVA_HOME:-}" ] && ok_home "$JAVA_HOME"; then
  echo "$JAVA_HOME"; exit 0
fi
if command -v javac >/dev/null 2>&1; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if ok_home "$home"; then echo "$home"; exit 0; fi
fi
best=""; best_v=0
for home in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
  [ -d "$home" ] || continue
  ok_home "$home" || continue
  v=$(major_of "$home/bin/java")
  if [ "$v" -gt "$best_v" ]; then best="$home"; best_v="$v"; fi
done
if [ -n "$best" ]; then echo "$best"; exit 0; fi
echo "haetae: no JDK 21 or newer found (checked JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk-headless' or a Temurin JDK, and set JAVA_HOME" >&2
exit 1
