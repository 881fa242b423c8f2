# Shared by the benchmarks (startup.sh, goals.sh, scaling.sh, distributions.sh, exp.sh, loops.sh):
# sourced from the repository root.

# The JDK to measure: JAVA_HOME's, else java on the PATH. Sets java and javac.
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    java=$JAVA_HOME/bin/java javac=$JAVA_HOME/bin/javac
  else
    java=$(command -v java) javac=$(command -v javac)
  fi
}

# The launcher to measure: ENVELOPE_APP_HOME's bin/envelope (an unpacked distribution, which finds
# its jars from its own place), else this checkout's target/ through src/dist/bin/envelope, built
# first if needed. Sets launcher.
pick_launcher() {
  if [ -n "${ENVELOPE_APP_HOME:-}" ]; then
    launcher=$ENVELOPE_APP_HOME/bin/envelope
    unset ENVELOPE_APP_HOME
  else
    [ -f target/envelope.jar ] || ./mvnw -B -q -DskipTests package >&2
    launcher=src/dist/bin/envelope
    export ENVELOPE_APP_HOME=$PWD/target
  fi
}

# A temporary directory (work, removed on exit) holding a fresh archive cache and Hello.class, a
# bare JVM's one line to measure against.
make_work() {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  export XDG_CACHE_HOME=$work/cache
  printf 'public class Hello { public static void main(String[] a) { System.out.println("Hello"); } }\n' \
    >"$work/Hello.java"
  "$javac" -d "$work" "$work/Hello.java"
}

# Runs the launcher once on FILE, so that it records its archive in the background, and waits for
# the archive. Sets archive to its name.
record_archive() {
  "$launcher" estimate "$1" >/dev/null
  for _ in $(seq 120); do
    if ls "$XDG_CACHE_HOME"/envelope/*.jsa "$XDG_CACHE_HOME"/envelope/*.aot >/dev/null 2>&1 \
      && ! ls -d "$XDG_CACHE_HOME"/envelope/*.lock >/dev/null 2>&1; then
      break
    fi
    sleep 1
  done
  archive=$(ls "$XDG_CACHE_HOME"/envelope/ 2>/dev/null | grep -E '\.(jsa|aot)$' || echo "none (ENVELOPE_CDS=off?)")
}

# The median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# The wall time in ms of one run of a command, its output discarded; exits 2 when it fails.
ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 2; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# All a launcher benchmark needs first: the JDK, the launcher, the work directory, and the
# launcher's archive recorded from a run on FILE.
prepare() {
  pick_jdk
  pick_launcher
  make_work
  record_archive "$1"
}

# Compiles the benchmark SOURCE against target/classes and runs its CLASS with the launcher's
# compiler settings (those of src/dist/bin/envelope), so that it times code as a run compiles it.
micro_bench() {
  [ -d target/classes ] || { echo "$(basename "$0"): no target/classes; run ./mvnw -B -q -DskipTests package" >&2; exit 2; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  javac -d "$work" -cp target/classes "$1"
  java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:Tier3BackEdgeThreshold=5000 -XX:TieredCompileTaskTimeout=3 \
    -XX:+UseSerialGC -cp "$work:target/classes" "$2"
}
