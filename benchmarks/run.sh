#!/bin/sh
# Runs the whole JMH suite (about 12 minutes on 2 cores) and prints the table for README.md.
# Usage: benchmarks/run.sh [extra JMH options, e.g. a benchmark regex]
# Builds benchmarks.jar first; JMH runs under the machine's build lock so builds don't disturb it.
set -eu
cd "$(dirname "$0")/.."
MVN=${MVN:-mvn}
[ -x /work/bin/mvnl ] && MVN=/work/bin/mvnl
$MVN -B -q package -DskipTests -Dspotless.check.skip=true -pl benchmarks -am
OUT=${OUT:-benchmarks/target/result.json}
rm -f "${TMPDIR:-/tmp}"/relaxha-gate-*.sha256
LOCK=${LOCK:-/tmp/relaxha-mvn.lock}
# Without arguments: the placement, detection and engine suite (about 12 minutes on 2 cores).
# The Ganglia parse benchmark takes 7 more: ./benchmarks/run.sh GangliaParseBenchmark
ARGS=${*:-"-e GangliaParseBenchmark"}
JMH="java -jar benchmarks/target/benchmarks.jar -prof gc -rf json -rff $OUT $ARGS"
if command -v flock >/dev/null 2>&1; then
  flock "$LOCK" $JMH
else
  $JMH
fi
java -cp benchmarks/target/benchmarks.jar org.relaxha.benchmarks.report.Report "$OUT"
