#!/usr/bin/env bash
# The scale-out benchmark (BENCHMARKS.md, "Scale-out on Flink"): a generated archive re-checked by the single-machine
# Checker and by the Flink job on a local cluster with parallelism 1 and 2, then the serial and per-part costs.
#   src/bench/flink.sh [CLAIMS] [REPEATS] [jobs|route]   default 1000000 claims, 1 repeat; "jobs" skips the
#   single-machine check; REPEATS 0 only measures the stages' costs in one thread ("route": only up to the checks);
#   prints to stdout and target/bench/ (each job run with its task threads' CPU seconds).
#   BENCH_JAVA_OPTS adds JVM options: -Dfactlint.parallelisms=2 (one parallelism), -Xlog:gc:file=..., JFR
#   The heap is fixed at 10 GB from the start (-Xms = -Xmx, as Flink starts its task managers), so that ParallelGC
#   does not grow it through full collections; metaspace starts at 256 MB (the pack's generated classes otherwise
#   cost three "Metadata GC Threshold" full collections per JVM).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLAIMS="${1:-1000000}"
REPEATS="${2:-1}"
mkdir -p target/bench
mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/flink-cp.txt
# a copy of the classes, so that a build in the same tree during the run cannot change them under it
rm -rf target/bench/flink-classes && mkdir -p target/bench/flink-classes
cp -r target/classes target/bench/flink-classes/main && cp -r target/test-classes target/bench/flink-classes/test
java -Xms10g -Xmx10g -XX:MetaspaceSize=256m -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/bench/flink-classes/test:target/bench/flink-classes/main:$(cat target/bench/flink-cp.txt)" \
  org.factlint.flink.ScaleRun "$CLAIMS" "$REPEATS" ${3:-} | tee "target/bench/flink-$CLAIMS.txt"
