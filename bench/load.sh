#!/usr/bin/env bash
# Load benchmark: the main job on a synthetic corpus of realistic articles.
#
#   bench/load.sh                    # 10,000 articles (about 20 minutes on 2 cores)
#   COUNT=200 bench/load.sh          # quick check that everything works
#
# What it does:
#   1. cargo build --release
#   2. target/release/attache generate --count COUNT --seed SEED --output TMP/corpus
#      (articles in TMP/corpus/articles: ~91% .txt, 5% .md, 3% .html, 1% as records of one
#      .jsonl; see src/generate.rs)
#   3. target/release/attache TMP/corpus/articles -o TMP/out --quiet   under GNU time
#      (/usr/bin/time -v); without GNU time, wall time from `date` and peak RSS by polling
#      VmHWM in /proc/PID/status every 0.1 s.
#   4. prints one summary line and appends one JSON line to bench/results.jsonl:
#      {"date", "commit", "dirty", "host", "cpus", "count", "seed", "threads", "documents",
#       "failed", "words", "wall_s", "docs_per_s", "words_per_s", "peak_rss_mb", "rss_source",
#       "exit", "generate_s"}
#
# The job reads TMP/corpus/articles, not TMP/corpus: TMP/corpus/expected.jsonl holds the
# generator's events and would be read as a JSON Lines input. Words are the job's own count
# (counts.words in TMP/out/run.json: whitespace-separated tokens of every document's text),
# else `wc -w` over the corpus. Documents per second and words per second are over the job's
# whole wall time, model loading included.
#
# Environment:
#   COUNT    articles to generate (10000)
#   SEED     generator seed (42)
#   THREADS  passed as --threads (default: the job uses all cores)
#   RESULTS  JSON Lines file to append to (bench/results.jsonl)
#   KEEP=1   keep the temporary folder and print its path
#   NO_GNU_TIME=1  use the /proc polling fallback even where GNU time exists
#   TMPDIR   where the temporary folder is made
#   BIN      the attache binary to measure (target/release/attache); NO_BUILD=1 skips the build
#
# Exit status: 0 when the job exited 0 or 3 (3: some documents failed, which the summary
# shows); 1 otherwise.
set -euo pipefail

cd "$(dirname "$0")/.."
COUNT="${COUNT:-10000}"
SEED="${SEED:-42}"
THREADS="${THREADS:-}"
RESULTS="${RESULTS:-bench/results.jsonl}"
BIN="${BIN:-target/release/attache}"

if [[ "${NO_BUILD:-0}" != 1 ]]; then
    echo "load: building release binary" >&2
    cargo build --release --quiet
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/attache-load.XXXXXX")"
cleanup() {
    if [[ "${KEEP:-0}" == 1 ]]; then
        echo "load: kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

now() { date +%s.%N; }

echo "load: generating $COUNT articles (seed $SEED)" >&2
t0=$(now)
"$BIN" generate --count "$COUNT" --seed "$SEED" --output "$WORK/corpus" >/dev/null
generate_s=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')

args=("$WORK/corpus/articles" -o "$WORK/out" --quiet)
if [[ -n "$THREADS" ]]; then
    args+=(--threads "$THREADS")
fi

echo "load: running the main job" >&2
status=0
t0=$(now)
if [[ "${NO_GNU_TIME:-0}" != 1 && -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
    rss_source="gnu-time"
    /usr/bin/time -v -o "$WORK/time.txt" "$BIN" "${args[@]}" || status=$?
    t1=$(now)
    rss_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$WORK/time.txt")
else
    # Fallback: poll the high-water mark of the job's resident set.
    rss_source="proc-vmhwm"
    "$BIN" "${args[@]}" &
    pid=$!
    rss_kb=0
    while kill -0 "$pid" 2>/dev/null; do
        hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null || true)
        if [[ -n "$hwm" && "$hwm" -gt "$rss_kb" ]]; then
            rss_kb=$hwm
        fi
        sleep 0.1
    done
    wait "$pid" || status=$?
    t1=$(now)
fi

# A number from run.json ("key": 123), or empty.
json_num() { grep -oE "\"$1\": *[0-9.]+" "$WORK/out/run.json" 2>/dev/null | head -1 | grep -oE '[0-9.]+$' || true; }
documents=$(json_num documents)
failed=$(json_num failed_documents)
words=$(json_num words)
threads=$(json_num threads)
if [[ -z "$words" ]]; then
    words=$(find "$WORK/corpus/articles" -type f -exec cat {} + | wc -w)
fi
documents=${documents:-0}
failed=${failed:-0}
threads=${threads:-null}

wall_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
docs_per_s=$(awk -v n="$documents" -v s="$wall_s" 'BEGIN { printf "%.2f", (s > 0 ? n / s : 0) }')
words_per_s=$(awk -v n="$words" -v s="$wall_s" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
peak_rss_mb=$(awk -v k="${rss_kb:-0}" 'BEGIN { printf "%.1f", k / 1024 }')

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=false
if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then
    dirty=true
fi
date_iso=$(date -u +%Y-%m-%dT%H:%M:%SZ)
host=$(hostname 2>/dev/null || echo unknown)
cpus=$(nproc 2>/dev/null || echo 0)

printf 'load: %s articles -> %s documents (%s failed), %s words in %ss: %s documents/s, %s words/s, peak RSS %s MB (%s threads, %s, commit %s%s, exit %s)\n' \
    "$COUNT" "$documents" "$failed" "$words" "$wall_s" "$docs_per_s" "$words_per_s" "$peak_rss_mb" "$threads" "$rss_source" "$commit" \
    "$([[ $dirty == true ]] && echo '+dirty')" "$status"

mkdir -p "$(dirname "$RESULTS")"
printf '{"date":"%s","commit":"%s","dirty":%s,"host":"%s","cpus":%s,"count":%s,"seed":%s,"threads":%s,"documents":%s,"failed":%s,"words":%s,"wall_s":%s,"docs_per_s":%s,"words_per_s":%s,"peak_rss_mb":%s,"rss_source":"%s","exit":%s,"generate_s":%s}\n' \
    "$date_iso" "$commit" "$dirty" "$host" "$cpus" "$COUNT" "$SEED" "$threads" "$documents" "$failed" "$words" "$wall_s" "$docs_per_s" \
    "$words_per_s" "$peak_rss_mb" "$rss_source" "$status" "$generate_s" >>"$RESULTS"

if [[ "$status" -ne 0 && "$status" -ne 3 ]]; then
    echo "load: the main job failed (exit $status)" >&2
    exit 1
fi
