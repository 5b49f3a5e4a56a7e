#!/usr/bin/env bash
# Measured (S3, moto on loopback) vs modelled (local disk) request counts per strategy, same seed.
# Usage: scripts/bench-s3.sh BIN [SCALE]   (make bench-s3; prints a markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:?dedupbench binary}
SCALE=${2:-1000000}
PORT=$(.venv-s3/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
.venv-s3/bin/python scripts/s3_server.py "$PORT" >/dev/null 2>&1 &
MOTO=$!
trap 'kill -9 $MOTO 2>/dev/null || true' EXIT
export AWS_ENDPOINT_URL=http://127.0.0.1:$PORT AWS_ALLOW_HTTP=true AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
for _ in $(seq 100); do .venv-s3/bin/python -c "import urllib.request; urllib.request.urlopen('$AWS_ENDPOINT_URL', timeout=1)" 2>/dev/null && break; sleep 0.2; done
.venv-s3/bin/python -c "
import boto3; boto3.client('s3', endpoint_url='$AWS_ENDPOINT_URL').create_bucket(Bucket='bench')"
OUT=out/bench-s3
rm -rf "$OUT"
FLAGS=(--source synthetic --mode speed --dup-prob 0.1 --slow-prob 0.1 --batches 10 --seed 42 --scale "$SCALE" --json --log-level warning)
echo "| strategy | PUT-class measured | modelled | GET-class measured | modelled | wall_s S3 | wall_s disk |"
echo "|---|---|---|---|---|---|---|"
for s in bronze_append polars_merge eager_dedup delta_merge; do
  m=$("$BIN" pipeline "${FLAGS[@]}" --strategy "$s" --out s3://bench/run)
  l=$("$BIN" pipeline "${FLAGS[@]}" --strategy "$s" --out "$OUT/local")
  .venv-s3/bin/python -c "
import json,sys
m=json.loads(sys.argv[1]); l=json.loads(sys.argv[2])
assert m['status']=='ok' and l['status']=='ok', (m['error'], l['error'])
assert m['checksum']==l['checksum'] and m['rows_written']==l['rows_written']
print(f\"| {m['strategy']} | {m['put_requests']} | {l['put_requests']} | {m['get_requests']} | {l['get_requests']} | {m['wall_s']:.2f} | {l['wall_s']:.2f} |\")
" "$m" "$l"
done
