#!/usr/bin/env bash
# Regenerates the reference outputs faces-models' tests compare the ONNX models against
# (faces-models/src/test/resources/org/haetae/faces/models/fixtures/*.json). See README.md.
# Takes about three minutes on two cores, most of it TensorFlow.js' pure-JavaScript backend.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
JAVA_HOME=$(scripts/java-home.sh)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# Other builds may share this machine: take the build lock when flock is there.
mvn_() { if command -v flock >/dev/null 2>&1; then flock /tmp/haetae-build.lock mvn "$@"; else mvn "$@"; fi; }

echo "== 1/5 Node packages at the versions package-lock.json pins (JavaScript and WebAssembly only)"
(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)

echo "== 2/5 faces-models built: npm packages in target/npm, models converted, tests compiled"
mvn_ -q -B -ntp -pl faces-models test-compile

echo "== 3/5 face-api's own pipeline on its demo photos; every model on the procedural images"
(cd "$here" && node generate.mjs step1)

echo "== 4/5 Java cuts the demo-photo inputs (PNG) into faces-models/target/fixture-inputs"
rm -rf faces-models/target/fixture-inputs
# test-compile again first: it copies the faceapi-demo-faces.json step 3 just wrote.
mvn_ -q -B -ntp -pl faces-models test-compile exec:java@fixture-inputs

echo "== 5/5 every model on those PNGs"
(cd "$here" && node generate.mjs step2)

echo "Done. Check with: mvn -pl faces-models verify"
