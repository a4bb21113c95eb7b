#!/usr/bin/env bash
# A consumer's view of the published artifacts: installs the SDK into the local repository, then builds a
# throw-away project that imports livecommerce-bom and declares modules without versions. Checks that every
# livecommerce artifact resolves at one version, that sources and Javadoc jars were installed, and that code
# using the API compiles and runs. Usage: benchmarks/consumer-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
plain() { sed 's/\x1b\[[0-9;]*m//g'; }
version=$(mvn -B -ntp -q help:evaluate -Dexpression=project.version -DforceStdout | plain)
mvn -B -ntp -q install -DskipTests
repo=$(mvn -B -ntp -q help:evaluate -Dexpression=settings.localRepository -DforceStdout | plain)
echo "== installed artifacts of $version"
for m in livecommerce-core livecommerce-embedding livecommerce-llm livecommerce-llm-local livecommerce-xgboost \
    livecommerce-spring-boot-autoconfigure livecommerce-spring-boot-starter; do
  for c in "" -sources -javadoc; do
    f="$repo/io/livecommerce/$m/$version/$m-$version$c.jar"
    [ -f "$f" ] || { echo "missing $f" >&2; exit 1; }
    printf '%-68s %6d KB\n' "$(basename "$f")" $(( $(stat -c %s "$f") / 1024 ))
  done
done
[ -f "$repo/io/livecommerce/livecommerce-bom/$version/livecommerce-bom-$version.pom" ] || { echo "no BOM" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java/shop"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>shop</groupId>
  <artifactId>consumer</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.livecommerce</groupId>
        <artifactId>livecommerce-bom</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>io.livecommerce</groupId><artifactId>livecommerce-core</artifactId></dependency>
    <dependency><groupId>io.livecommerce</groupId><artifactId>livecommerce-llm</artifactId></dependency>
    <dependency><groupId>io.livecommerce</groupId><artifactId>livecommerce-embedding</artifactId></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.13.0</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
cat > "$work/src/main/java/shop/Main.java" <<'JAVA'
package shop;

import io.livecommerce.facade.LiveCommerce;
import io.livecommerce.embed.HashingTextEmbedder;

public class Main {
  public static void main(String[] args) {
    try (LiveCommerce lc = LiveCommerce.newBuilder().embedder(HashingTextEmbedder.create()).build()) {
      System.out.println("clean: " + lc.compliance().check("全网最低价").isClean());
    }
  }
}
JAVA
cd "$work"
echo "== what the consumer resolves"
mvn -B -ntp -q dependency:list -DoutputFile=deps.txt -DincludeGroupIds=io.livecommerce
sort deps.txt | grep io.livecommerce
versions=$(grep -o 'io.livecommerce:[^:]*:jar:[^:]*' deps.txt | awk -F: '{print $4}' | sort -u)
[ "$(echo "$versions" | wc -l)" = 1 ] && [ "$versions" = "$version" ] || { echo "versions: $versions" >&2; exit 1; }
mvn -B -ntp -q compile
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=cp.txt
cp=$(cat cp.txt)
java -cp "target/classes:$cp" shop.Main
echo "== ok: every module at $version"
