#!/bin/sh
# A stand-in for `dedupbench pipeline … --json` used by the harness tests: a real child process
# whose deterministic columns are functions of --seed and whose behaviour is steered by --set keys:
#   fixture.sleep=S        sleep S seconds first (timeouts, kills mid-sweep)
#   fixture.exit=C         exit with code C and no JSON (a crash)
#   fixture.flaky=FILE:N   fail the first N calls that share the counter FILE (retries)
#   fixture.lose=1         report status failed with lost records (not retried)
#   fixture.log=FILE       append "<run seed> <strategy>" to FILE (who ran, how often)
[ "$1" = pipeline ] && shift
strategy=""; seed=0; out=""; sleep_s=0; exit_code=""; flaky=""; lose=0; log=""; scale=1000; dup=0
while [ $# -gt 0 ]; do
  case "$1" in
    --strategy) strategy="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --config) shift 2 ;;
    --json) shift ;;
    --set)
      key="${2%%=*}"; value="${2#*=}"
      case "$key" in
        fixture.sleep) sleep_s="$value" ;;
        fixture.exit) exit_code="$value" ;;
        fixture.flaky) flaky="$value" ;;
        fixture.lose) lose="$value" ;;
        fixture.log) log="$value" ;;
        generation.scale) scale="$value" ;;
        generation.chaos.dup_prob) dup="$value" ;;
      esac
      shift 2 ;;
    *) echo "fake-pipeline: unknown argument $1" >&2; exit 64 ;;
  esac
done
[ -d "$out" ] || { echo "fake-pipeline: --out $out is not a directory" >&2; exit 65; }
[ -n "$log" ] && echo "$seed $strategy" >> "$log"
if [ -n "$flaky" ]; then
  file="${flaky%%:*}"; limit="${flaky#*:}"
  n=$(cat "$file" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$file"
  if [ "$n" -le "$limit" ]; then echo "fake-pipeline: flaky failure $n of $limit" >&2; exit 1; fi
fi
[ "$sleep_s" != 0 ] && sleep "$sleep_s"
if [ -n "$exit_code" ]; then echo "fake-pipeline: crashing with $exit_code" >&2; exit "$exit_code"; fi
echo "data" > "$out/part-0.parquet"
records=$((scale + seed % 97)); live=$((records * 57 + seed % 1000)); table=$((live + seed % 333))
status=ok; error=""; lost=0
if [ "$lose" = 1 ]; then status=failed; lost=3; error='lost 3 records, e.g. "a,b"'; fi
checksum=$(printf '%016x' "$seed")
wall="0.0$(( $$ % 9 + 1 ))"
printf 'log line before the result\n'
printf '{"seed":"%s","strategy":"%s","source":"synthetic","scale":%s,"dup_prob":%s,"records_in":%s,"rows_written":%s,"lost_records":%s,"files_written":1,"commits":1,"bytes_written":%s,"table_bytes":%s,"live_bytes":%s,"put_requests":%s,"get_requests":%s,"wall_s":%s,"throughput_rps":12.5,"checksum":"%s","status":"%s","error":"%s"}\n' \
  "$seed" "$strategy" "$scale" "$dup" "$records" "$((records - lost))" "$lost" "$table" "$table" "$live" "$((records % 7 + 2))" "$((records % 3))" "$wall" "$checksum" "$status" "$(printf '%s' "$error" | sed 's/"/\\"/g')"
[ "$status" = ok ] || exit 1
