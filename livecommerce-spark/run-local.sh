#!/usr/bin/env bash
# Runs a livecommerce Spark job on this machine, without a cluster: --master local[N] (N = LOCAL_CORES, default 2)
# with the Spark jars from the local Maven repository, bound to loopback. Builds the jobs jar on first use.
#   livecommerce-spark/run-local.sh train-recommender --interactions world/interactions.csv --out model.lcm
#   livecommerce-spark/run-local.sh recommend --interactions world/interactions.csv --model model.lcm --k 10 \
#       --exclude-seen --out recs
#   livecommerce-spark/run-local.sh embed --in world/products.csv --text-column title --out products-embedded
#   livecommerce-spark/run-local.sh regress --train world/promotion_outcomes.csv --predict world/promotion_outcomes.csv \
#       --id-column promotion_id --target-column gmv_cents --numeric-columns viewers --categorical-columns anchor_id \
#       --log-target --out gmv --save-model gmv.lcm
# Jobs, flags and exit codes: run-local.sh --help, run-local.sh JOB --help.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar=$(ls "$here"/target/livecommerce-spark-*-jobs.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ] || [ ! -f "$here/target/spark-classpath.txt" ]; then
  echo "building the jobs jar (once)..." >&2
  (cd "$here/.." && mvn -B -ntp -q install -DskipTests -Dmaven.javadoc.skip=true -pl livecommerce-spark -am >&2)
  (cd "$here" && mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=compile \
      -Dmdep.outputFile=target/spark-classpath.txt >&2)
  jar=$(ls "$here"/target/livecommerce-spark-*-jobs.jar | head -1)
fi
args=("$@")
master=()
if [ $# -gt 0 ] && [[ " $* " != *" --master "* ]] && [[ "$1" != -* ]]; then
  master=(--master "local[${LOCAL_CORES:-2}]")
fi
export SPARK_LOCAL_IP=127.0.0.1
exec java -Xmx"${DRIVER_MEMORY:-2g}" \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
  -Djdk.reflect.useDirectMethodHandle=false \
  -cp "$jar:$(cat "$here/target/spark-classpath.txt")" io.livecommerce.spark.Jobs "${args[@]}" "${master[@]}"
