#!/usr/bin/env bash
# Runs the whole benchmark suite (see BENCHMARKS.md): per-article latency, archive throughput at 10k/100k/1M claims,
# cold start of the CLI, live heap per claim at 1M. Results land in target/bench/.
#   src/bench/run.sh            everything (about 20-30 minutes on 2 cores)
#   src/bench/run.sh quick      10k/100k only, fewer iterations (a few minutes)
#   src/bench/run.sh tools      only check that the tools it needs are installed
#   src/bench/run.sh text       only the text front end's extraction speed (TextBench, a few minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE="${1:-full}"
OUT=target/bench

# Tools first, so a run never fails twenty minutes in: each missing one is named with where to get it.
MISSING=0
for tool in mvn:"Apache Maven 3.8 or later" java:"a JDK 17 or later" timeout:"GNU coreutils" nproc:"GNU coreutils" \
    free:"procps" awk:"awk" grep:"grep" tee:"GNU coreutils"; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1; then
    echo "run.sh: '${tool%%:*}' is not on the PATH (${tool#*:})" >&2
    MISSING=1
  fi
done
[ "$MISSING" = 0 ] || exit 2
COLDSTART=1
if ! command -v hyperfine >/dev/null 2>&1; then
  COLDSTART=0
  echo "run.sh: 'hyperfine' is not on the PATH (apt-get install hyperfine): the cold-start step will be skipped" >&2
fi
if [ "$MODE" = tools ]; then
  echo "run.sh: tools found"
  exit 0
fi
mvn -q -B -Pbench package -DskipTests
mkdir -p "$OUT"

if [ "$MODE" = text ]; then
  echo "load before: $(uptime)" | tee "$OUT/text-machine.txt"
  java -jar target/benchmarks.jar TextBench -rf json -rff "$OUT/jmh-text.json" 2>&1 | grep -v "WARN\|INFO" \
    | tee "$OUT/jmh-text.txt"
  echo "load after: $(uptime)" | tee -a "$OUT/text-machine.txt"
  exit 0
fi

{
  echo "date: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "load before: $(uptime)"
} | tee "$OUT/machine.txt"

# Cold start, measured from outside the JVM: the whole `factlint check` process on the seed. target/factlint is the
# launcher the build writes (class-data sharing archive from a training run at package time, C1 only);
# `java -jar` is the same program without those start-up options.
SEED=seeds/moscow-times.claims.json
RUNS=(-n "launcher" "target/factlint check $SEED")
RUNS+=(-n "launcher-full-jit" "env FACTLINT_JIT=full target/factlint check $SEED")
RUNS+=(-n "java-jar" "java -jar target/factlint.jar check $SEED")
# JDK 25's AOT cache (JEP 483/514) for comparison, when a JDK 25 is installed: one training run writes it.
J25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
if [ -x "$J25" ]; then
  "$J25" -XX:AOTCacheOutput=target/factlint.aot -jar target/factlint.jar check "$SEED" >/dev/null 2>&1 || true
  RUNS+=(-n "jdk25+aot-cache" "$J25 -XX:AOTCache=target/factlint.aot -XX:TieredStopAtLevel=1 -jar target/factlint.jar check $SEED")
fi
if [ "$COLDSTART" = 1 ]; then
  hyperfine --warmup 2 --runs 20 -i --export-json "$OUT/coldstart.json" "${RUNS[@]}" | tee "$OUT/coldstart.txt"
else
  echo "cold start: skipped, hyperfine is not installed" | tee "$OUT/coldstart.txt"
fi

# Live heap per claim with the checked state alive, one JVM per implementation.
SIZE=1000000
[ "$MODE" = quick ] && SIZE=100000
for impl in hand-written engine naive; do
  # the naive engine may not finish at 1M: give each probe 5 minutes and say so
  timeout 300 java -Xms20g -Xmx20g -XX:+UseParallelGC -cp target/benchmarks.jar org.factlint.bench.MemoryProbe \
    "$SIZE" "$impl" 2>/dev/null | grep "bytes per claim" | tee -a "$OUT/memory.txt" \
    || echo "$impl $SIZE claims: did not finish within 5 minutes" | tee -a "$OUT/memory.txt"
done

# JMH: per-article latency and archive throughput, side by side. 1M claims run single-shot with no warm-up
# iteration and two measured shots (a shot is long enough to warm itself up).
if [ "$MODE" = quick ]; then
  java -jar target/benchmarks.jar 'ArticleBench|ArchiveBench' -p claims=10000,100000 -wi 1 -i 2 -w 1 -r 1 \
    -rf json -rff "$OUT/jmh.json" 2>&1 | grep -v "WARN\|INFO" | tee "$OUT/jmh.txt"
else
  java -jar target/benchmarks.jar 'ArticleBench|ArchiveBench' -p claims=10000,100000 -rf json -rff "$OUT/jmh.json" \
    2>&1 | grep -v "WARN\|INFO" | tee "$OUT/jmh.txt"
  java -jar target/benchmarks.jar 'ArchiveBench.(engine|handWritten)' -p claims=1000000 -wi 0 -i 2 \
    -rf json -rff "$OUT/jmh-1m.json" 2>&1 | grep -v "WARN\|INFO" | tee "$OUT/jmh-1m.txt"
  # one shot of the naive engine at 1M, bounded: a timeout is reported as a lower bound
  timeout 600 java -jar target/benchmarks.jar 'ArchiveBench.naiveEngine' -p claims=1000000 -wi 0 -i 1 \
    -rf json -rff "$OUT/jmh-1m-naive.json" 2>&1 | grep -v "WARN\|INFO" | tee "$OUT/jmh-1m-naive.txt" \
    || echo "naive engine at 1M: no result within 10 minutes" | tee -a "$OUT/jmh-1m-naive.txt"
fi
echo "load after: $(uptime)" | tee -a "$OUT/machine.txt"
