#!/usr/bin/env bash
# Runs the Python grpcio API check (check_api.py) against a freshly started
# copydesk server.
#
#   tests/python/run.sh
#
# - venv in target/pyenv, reused when its requirements stamp matches
# - builds target/debug/copydesk (a no-op when fresh); set COPYDESK_BIN to use
#   another binary and skip the build
# - starts `copydesk serve --listen 127.0.0.1:PORT --admin-listen off` on a free port, waits until
#   the port accepts, runs the check, stops the server
# Exits with the checker's code (1 on any failed check, 2 on setup trouble).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

venv="target/pyenv"
req="tests/python/requirements.txt"
python="${PYTHON:-python3}"

# --- venv -------------------------------------------------------------------
if [[ ! -x "$venv/bin/python" ]]; then
    echo "run.sh: creating $venv" >&2
    "$python" -m venv "$venv"
fi
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$req" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "run.sh: installing $req" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
    echo "$want" > "$stamp"
fi

# --- server binary ------------------------------------------------------------
if [[ -n "${COPYDESK_BIN:-}" ]]; then
    bin="$COPYDESK_BIN"
else
    cargo build --quiet --bin copydesk
    bin="target/debug/copydesk"
fi
if [[ ! -x "$bin" ]]; then
    echo "run.sh: no server binary at $bin" >&2
    exit 2
fi

# --- start the server on a free port --------------------------------------------
port="$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
addr="127.0.0.1:$port"
log="$(mktemp -t copydesk-serve.XXXXXX.log)"
# The admin port is off: its fixed default (127.0.0.1:9090) may be taken by
# another server on the machine; tests/grpc_api.rs covers it.
"$bin" serve --listen "$addr" --admin-listen off >"$log" 2>&1 &
server_pid=$!

stop_server() {
    if kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        # Give it the chance to shut down gracefully, then insist.
        for _ in $(seq 50); do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$server_pid" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
}
trap 'stop_server; rm -f "$log"' EXIT

ready=0
for _ in $(seq 300); do   # up to 30 s
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "run.sh: server exited before listening; its output:" >&2
        cat "$log" >&2
        exit 2
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        ready=1
        break
    fi
    sleep 0.1
done
if [[ "$ready" != 1 ]]; then
    echo "run.sh: server did not accept on $addr within 30 s; its output:" >&2
    cat "$log" >&2
    exit 2
fi

# --- check ----------------------------------------------------------------------
set +e
"$venv/bin/python" tests/python/check_api.py "$addr"
rc=$?
set -e
if [[ "$rc" != 0 ]]; then
    echo "run.sh: server output:" >&2
    tail -n 50 "$log" >&2
fi
exit "$rc"
