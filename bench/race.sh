#!/usr/bin/env bash
# The race: the Python peer stack (trafilatura, YAKE, dateparser, lingua) against copydesk on the
# same corpus, one thread each, CPU time per article after a warm-up pass.
#
#   bench/race.sh [--jsonl FILE [--limit N] [--min-bytes N] [--max-bytes N]] [FILE.txt | DIR]...
#
# Default corpus: bench/corpus/*.txt. A .jsonl file with a "text" field per line (for example
# ../shared/eval/structure.jsonl) is read at run time and never copied. The virtualenv is made
# under target/race-venv on first use (RACE_VENV overrides); ROUNDS sets copydesk's repetitions
# (default 20) and PEER_ROUNDS the peers' (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${RACE_VENV:-${CARGO_TARGET_DIR:-target}/race-venv}"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import trafilatura, lxml_html_clean, yake, dateparser, lingua' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    trafilatura lxml_html_clean yake dateparser lingua-language-detector
fi
"$venv/bin/python" -c 'import importlib.metadata as m; print("peers:", ", ".join(f"{p} {m.version(p)}" for p in ["trafilatura", "yake", "dateparser", "lingua-language-detector"]))'

cargo bench --quiet --bench race --no-run
rust_out=$(cargo bench --quiet --bench race -- --rounds "${ROUNDS:-20}" "$@")
echo "$rust_out"
py_out=$("$venv/bin/python" bench/race_peers.py --rounds "${PEER_ROUNDS:-1}" "$@")
echo "$py_out"

ms() { sed -n "s/.*RESULT $1 cpu_ms_per_article=\([0-9.]*\).*/\1/p" <<<"$2"; }
ours=$(ms copydesk "$rust_out")
theirs=$(ms peers "$py_out")
python3 - "$ours" "$theirs" <<'PY'
import sys
ours, theirs = float(sys.argv[1]), float(sys.argv[2])
print(f"per article, one core: copydesk {ours:.3f} ms, peer stack {theirs:.1f} ms, "
      f"copydesk {theirs / ours:.0f}x faster")
PY
