#!/usr/bin/env bash
# Whole-process comparison of deboil with its peers on one realistic gzipped JSONL corpus
# (issue 6, item 1). `make bench` calls it; run it from anywhere.
#
#   bench/compare.sh                 # ~250 MB corpus (8 gzipped parts), all tools
#   BENCH_MB=25 bench/compare.sh     # quick run
#   BENCH_SCALE=1 bench/compare.sh   # also the ~2.5 GB variant (the corpus repeated 10 times)
#
# Steps: build deboil and the floor program; build the corpus under bench/.work/ from the dev set
# dumps and the seeds (bench/gen_corpus.py; reused while seed, size and parts are unchanged);
# install the peers into virtual environments of their own under bench/.venv/ (dolma and
# datatrove conflict on their pins, so each has one); run each tool in turn on the same parts
# through bench/measure.py; print the table and write it into bench/results.md.
#
# Settings (environment): BENCH_MB (250), BENCH_PARTS (8), BENCH_SEED, BENCH_SCALE (0),
# BENCH_WORK (bench/.work), BENCH_PEERS ("dolma datatrove ccnet"), BENCH_SCALE_PEERS ("dolma"),
# BENCH_TIMEOUT (seconds per run, 3600), BENCH_RESULTS (bench/results.md), DEVSET, SEEDS,
# PYTHON (python3), BENCH_NO_INSTALL=1 (use what is installed, install nothing),
# BENCH_FORCE_DEBOIL=1 (time deboil even when it does not read JSONL records; see the probe).
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi # `make bench` runs it with sh
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

BENCH_MB=${BENCH_MB:-250}
BENCH_PARTS=${BENCH_PARTS:-8}
BENCH_SEED=${BENCH_SEED:-20261123}
BENCH_SCALE=${BENCH_SCALE:-0}
BENCH_WORK=${BENCH_WORK:-bench/.work}
BENCH_PEERS=${BENCH_PEERS:-dolma datatrove ccnet}
BENCH_SCALE_PEERS=${BENCH_SCALE_PEERS:-dolma}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-3600}
BENCH_RESULTS=${BENCH_RESULTS:-bench/results.md}
DEVSET=${DEVSET:-$ROOT/../shared/devset}
SEEDS=${SEEDS:-$ROOT/../shared/seeds}
PY=${PYTHON:-python3}
VENV=bench/.venv

# Pinned peer versions. dolma's own requirements leave boto3 free while pinning s3fs==2023.6.0
# (hence botocore 1.29.x): pip then backtracks through hundreds of boto3 releases, so boto3 is
# pinned to the release that matches.
DOLMA_PKGS=("dolma==1.2.1" "boto3==1.26.76")
# datatrove's sentence dedup needs its "processing" extra (regex, xxhash, nltk, tokenizers, ...)
# and its JsonlReader orjson (from the "io" extra, which otherwise brings pyarrow and datasets).
DATATROVE_PKGS=("datatrove[processing]==0.10.1" "orjson==3.13.0")

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'compare.sh: %s\n' "$*" >&2; exit 2; }

mkdir -p "$BENCH_WORK"
WORK=$(cd "$BENCH_WORK" && pwd)
NOTES=$WORK/peers.txt
: >"$NOTES"
note() { printf '%s\n' "$*" >>"$NOTES"; say "$*"; }

command -v cargo >/dev/null || die "cargo not found (install Rust)"
command -v "$PY" >/dev/null || die "$PY not found"

# --- GNU time ------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ -z "${BENCH_NO_INSTALL:-}" ]; then
        say "installing GNU time (Debian package time)"
        apt-get install -y -q time >/dev/null 2>&1 ||
            { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q time >/dev/null 2>&1; } ||
            say "could not install GNU time; wall and RSS come from getrusage instead"
    else
        say "no /usr/bin/time and not root: wall and RSS come from getrusage instead"
    fi
fi

[ "$BENCH_SCALE" != 1 ] || [[ "$BENCH_MB" =~ ^[0-9]+$ ]] || die "BENCH_SCALE=1 needs a whole BENCH_MB"

# --- build -------------------------------------------------------------------------------------
say "building deboil and the floor program (cargo build --release)"
cargo build --release --locked -q
cargo build --release --locked -q --example floor
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
DEBOIL=$TARGET/release/deboil
FLOOR=$TARGET/release/examples/floor
[ -x "$DEBOIL" ] || die "no $DEBOIL after the build"
[ -x "$FLOOR" ] || die "no $FLOOR after the build"

# Does this deboil read JSONL records from .jsonl.gz? (Until the input work lands on main it
# treats each part as one raw text dump; its rows then do not measure the JSONL pipeline.)
mkdir -p "$WORK/probe"
printf '%s\n' '{"id":"probe-a","url":"https://a.example/1","text":"First paragraph of the probe.\nSecond line."}' \
    '{"id":"probe-b","url":"https://b.example/2","text":"Another document entirely.\nWith two lines."}' |
    gzip -c >"$WORK/probe/probe.jsonl.gz"
DEBOIL_TASK="full clean: split, rules, exact+near dedup, learned boilerplate; JSONL out"
if "$DEBOIL" clean "$WORK/probe/probe.jsonl.gz" --format jsonl -q 2>/dev/null | grep -q '"probe-b"'; then
    DEBOIL_JSONL=1
    # Does `clean` dedup across documents in this build? (A long paragraph in both records.)
    para="This long paragraph appears word for word in both probe records, so a corpus dedup removes the second copy."
    printf '%s\n' "{\"id\":\"probe-a\",\"text\":\"$para\\nOnly in the first record, a line of its own.\"}" \
        "{\"id\":\"probe-b\",\"text\":\"$para\\nOnly in the second record, another line.\"}" |
        gzip -c >"$WORK/probe/dup.jsonl.gz"
    if [ "$("$DEBOIL" clean "$WORK/probe/dup.jsonl.gz" --format jsonl -q 2>/dev/null | grep -c 'word for word')" != 1 ]; then
        DEBOIL_TASK="clean as this build runs it: split + rules, no cross-document dedup (probe: a repeated paragraph stayed); JSONL out"
        note "deboil at $(git rev-parse --short HEAD) does not dedup across documents in clean (probe: a paragraph repeated in two records stayed in both): its rows time splitting and rules only"
    fi
else
    DEBOIL_JSONL=0
    note "deboil at $(git rev-parse --short HEAD) does not read records from .jsonl.gz (probe found no record id in its output): its rows here time it on the parts as raw text, not the JSONL pipeline"
fi

# --- corpus ------------------------------------------------------------------------------------
[ -d "$DEVSET/inputs" ] || [ -d "$SEEDS" ] || die "no source text: neither $DEVSET/inputs nor $SEEDS"
CORPUS=$WORK/corpus-${BENCH_MB}mb
want="{\"seed\": $BENCH_SEED, \"mb\": $BENCH_MB, \"parts\": $BENCH_PARTS}"
if [ -f "$CORPUS/corpus.json" ] && "$PY" - "$CORPUS/corpus.json" "$want" <<'EOF'
import json, sys
have, want = json.load(open(sys.argv[1])), json.loads(sys.argv[2])
sys.exit(0 if all(float(have[k]) == float(v) for k, v in want.items()) else 1)
EOF
then
    say "reusing the corpus in $CORPUS"
else
    say "building a ${BENCH_MB} MB corpus in $CORPUS (seed $BENCH_SEED, $BENCH_PARTS parts)"
    rm -rf "$CORPUS"
    "$PY" bench/gen_corpus.py --out "$CORPUS" --mb "$BENCH_MB" --parts "$BENCH_PARTS" \
        --seed "$BENCH_SEED" --devset "$DEVSET" --seeds "$SEEDS" >/dev/null
fi

# --- peers ---------------------------------------------------------------------------------------
# install_peer NAME CHECK_CMD PKG... : a venv of its own at $VENV/NAME, reused when CHECK_CMD
# runs there; a failure leaves the reason in $WORK/skip-NAME.txt.
install_peer() {
    local name=$1 check=$2
    shift 2
    local venv=$VENV/$name log=$WORK/install-$name.log
    rm -f "$WORK/skip-$name.txt"
    if [ -x "$venv/bin/python" ] && (cd "$venv" && eval "$check") >/dev/null 2>&1 &&
        [ "$(cat "$venv/.pins" 2>/dev/null)" = "$*" ]; then
        return 0
    fi
    if [ -n "${BENCH_NO_INSTALL:-}" ]; then
        echo "not installed and BENCH_NO_INSTALL is set" >"$WORK/skip-$name.txt"
        return 1
    fi
    say "installing $name into $venv ($*)"
    rm -rf "$venv"
    if ! "$PY" -m venv "$venv" >"$log" 2>&1; then
        echo "python venv failed: $(tail -n 1 "$log")" >"$WORK/skip-$name.txt"
        return 1
    fi
    if ! "$venv/bin/pip" install -q --only-binary=:all: "$@" >>"$log" 2>&1; then
        echo "pip install $* failed: $(grep -E 'ERROR' "$log" | tail -n 1)" >"$WORK/skip-$name.txt"
        return 1
    fi
    if ! (cd "$venv" && eval "$check") >>"$log" 2>&1; then
        echo "installed, but '$check' fails: $(tail -n 1 "$log")" >"$WORK/skip-$name.txt"
        return 1
    fi
    echo "$*" >"$venv/.pins"
}

peer_version() { "$VENV/$1/bin/pip" list 2>/dev/null | awk -v p="$2" 'tolower($1)==p {print $2}'; }

wanted() { case " $BENCH_PEERS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

if wanted dolma; then
    if install_peer dolma "bin/dolma --help" "${DOLMA_PKGS[@]}"; then
        note "dolma $(peer_version dolma dolma) (pip, $VENV/dolma)"
    else
        note "dolma not run: $(cat "$WORK/skip-dolma.txt")"
    fi
fi
if wanted datatrove; then
    if install_peer datatrove "bin/python -c 'import datatrove.pipeline.dedup, xxhash, regex, orjson'" "${DATATROVE_PKGS[@]}"; then
        note "datatrove $(peer_version datatrove datatrove) (pip, $VENV/datatrove)"
    else
        note "datatrove not run: $(cat "$WORK/skip-datatrove.txt")"
    fi
fi
wanted ccnet && note "CCNet-style baseline: bench/ccnet_dedup.py on $("$PY" --version 2>&1)"

# --- runs ----------------------------------------------------------------------------------------
# bench_corpus DIR LABEL PEERS: every tool in turn on DIR's parts; the table goes to stdout and
# into $BENCH_RESULTS under LABEL.
bench_corpus() {
    local dir=$1 label=$2 peers=$3
    local rows=$WORK/rows-$label.jsonl logs=$WORK/logs-$label out=$WORK/out
    local parts=("$dir"/part-*.jsonl.gz)
    [ -e "${parts[0]}" ] || die "no parts in $dir"
    local mb
    mb=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["bytes"] / 1e6)' "$dir/corpus.json")
    local paragraphs
    paragraphs=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["paragraphs"])' "$dir/corpus.json")
    rm -rf "$rows" "$logs" "$out"
    mkdir -p "$logs" "$out"
    measure() { # measure TOOL TASK LOGNAME CMD...
        local tool=$1 task=$2 name=$3
        shift 3
        "$PY" bench/measure.py --rows "$rows" --mb "$mb" --timeout "$BENCH_TIMEOUT" \
            --tool "$tool" --task "$task" --log "$logs/$name.log" -- "$@" || true
    }
    kept() { # kept MODE PATH...: paragraphs in the output, into the last row
        "$PY" bench/count_kept.py --rows "$rows" --paragraphs-in "$paragraphs" "$@" ||
            say "could not count the output of the last run"
    }
    skip() { # skip TOOL TASK REASON
        "$PY" -c 'import json,sys; print(json.dumps({"tool":sys.argv[1],"task":sys.argv[2],"skipped":sys.argv[3],"ok":False}))' \
            "$1" "$2" "$3" >>"$rows"
        say "$1: not run: $3"
    }
    has() { case " $peers " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

    say "running on $label: ${#parts[@]} parts, $mb MB of JSONL"
    measure "floor (read+gunzip+parse+hash)" "floor: every line of the text field xxh3-hashed, nothing else" floor \
        "$FLOOR" --threads 2 "${parts[@]}"
    for t in 1 2; do
        if [ "$DEBOIL_JSONL" = 0 ] && { [ "$dir" != "$CORPUS" ] || [ -z "${BENCH_FORCE_DEBOIL:-}" ]; }; then
            # Timing it on gzip bytes taken for text says nothing and costs minutes; BENCH_FORCE_DEBOIL=1
            # times it anyway (base size only).
            skip "deboil --threads $t" "full clean" "this build does not read records from .jsonl.gz (see the notes)"
            continue
        fi
        local dname="deboil --threads $t"
        [ "$DEBOIL_JSONL" = 1 ] || dname="$dname (NOT the JSONL pipeline: parts read as raw text)"
        measure "$dname" "$DEBOIL_TASK" deboil-t$t \
            "$DEBOIL" clean "${parts[@]}" --format jsonl -o "$out/deboil.jsonl" -q --threads "$t"
        kept jsonl "$out/deboil.jsonl"
        rm -f "$out/deboil.jsonl"
    done

    local dtask="exact paragraph dedup (Bloom filter), writes duplicate spans as attributes only"
    if has dolma; then
        if [ -f "$WORK/skip-dolma.txt" ]; then
            skip "dolma dedupe" "$dtask" "$(cat "$WORK/skip-dolma.txt")"
        else
            local dw=$WORK/dolma
            rm -rf "$dw"
            mkdir -p "$dw/documents"
            for p in "${parts[@]}"; do ln -s "$p" "$dw/documents/"; done
            "$PY" - "$dw" "$paragraphs" <<'EOF'
import json, sys
dw, n = sys.argv[1], int(sys.argv[2])
cfg = {
    "documents": [dw + "/documents/*.jsonl.gz"],
    "dedupe": {"name": "dups", "paragraphs": {"attribute_name": "bff_duplicate_paragraph_spans"}, "skip_empty": True},
    "bloom_filter": {"file": dw + "/bloom.bin", "read_only": False,
                     "estimated_doc_count": max(n, 1000), "desired_false_positive_rate": 0.001},
    "processes": 2,
}
json.dump(cfg, open(dw + "/dedupe.json", "w"), indent=1)
EOF
            # dolma imports NLTK at start-up and downloads punkt unless it is found; with no
            # network here that attempt waits seconds per start. A user who has punkt does not
            # wait, and dedupe never uses it, so an empty punkt folder stands in for it.
            mkdir -p "$dw/nltk_data/tokenizers/punkt"
            measure "dolma dedupe (2 processes)" "$dtask" dolma \
                env NLTK_DATA="$dw/nltk_data" "$VENV/dolma/bin/dolma" -c "$dw/dedupe.json" dedupe
            kept dolma "$dw/attributes"
            rm -rf "$dw/attributes" "$dw/bloom.bin"
        fi
    fi

    local ttask="exact line dedup (sentence dedup in line mode: hash, find, filter); JSONL out"
    if has datatrove; then
        if [ -f "$WORK/skip-datatrove.txt" ]; then
            skip "datatrove" "$ttask" "$(cat "$WORK/skip-datatrove.txt")"
        else
            rm -rf "$WORK/datatrove"
            measure "datatrove (local, 2 workers)" "$ttask" datatrove \
                "$VENV/datatrove/bin/python" bench/datatrove_dedup.py --workers 2 --parts-dir "$dir" --work "$WORK/datatrove"
            kept jsonl "$WORK/datatrove/out"
            rm -rf "$WORK/datatrove/out" "$WORK/datatrove/sigs" "$WORK/datatrove/dups"
        fi
    fi

    if has ccnet; then
        measure "CCNet-style Python (2 workers)" "exact paragraph dedup, sha1 of normalised lines, one pass; JSONL out" ccnet \
            "$PY" bench/ccnet_dedup.py --workers 2 -o "$out/ccnet.jsonl" "${parts[@]}"
        kept jsonl "$out/ccnet.jsonl"
        rm -f "$out/ccnet.jsonl"
    fi

    local cmd="bench/compare.sh"
    [ "$label" = "${BENCH_MB}MB" ] || cmd="BENCH_SCALE=1 bench/compare.sh"
    [ "$BENCH_MB" = 250 ] || cmd="BENCH_MB=$BENCH_MB $cmd"
    "$PY" bench/table.py --rows "$rows" --corpus "$dir/corpus.json" --results "$BENCH_RESULTS" \
        --label "$label" --command "$cmd" --notes "$NOTES"
}

bench_corpus "$CORPUS" "${BENCH_MB}MB" "$BENCH_PEERS"

if [ "$BENCH_SCALE" = 1 ]; then
    # The ~2.5 GB variant: the same parts ten times over (hard links, so no extra disk).
    BIG=$WORK/corpus-${BENCH_MB}mb-x10
    rm -rf "$BIG"
    mkdir -p "$BIG"
    i=0
    for r in 0 1 2 3 4 5 6 7 8 9; do
        for p in "$CORPUS"/part-*.jsonl.gz; do
            ln "$p" "$BIG/$(printf 'part-%04d.jsonl.gz' "$i")" 2>/dev/null || cp "$p" "$BIG/$(printf 'part-%04d.jsonl.gz' "$i")"
            i=$((i + 1))
        done
    done
    "$PY" - "$CORPUS/corpus.json" "$BIG/corpus.json" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
for k in ("mb", "parts", "bytes", "docs", "paragraphs", "doc_copies", "para_exact_copies", "para_near_copies", "gz_bytes"):
    c[k] = c[k] * 10
c["repeated"] = 10
json.dump(c, open(sys.argv[2], "w"), indent=1)
EOF
    bench_corpus "$BIG" "$((BENCH_MB * 10))MB-repeated" "$BENCH_SCALE_PEERS"
fi
say "done: table in $BENCH_RESULTS"
