# dedupbench — the commands users and CI run. `make bench` and `make test` set up what they need.
SWIFT        ?= swift
RELEASE_BIN  := .build/release/dedupbench
DEBUG_BIN    := .build/debug/dedupbench
ORACLE_PY    := $(CURDIR)/.venv-oracle/bin/python
export DEDUPBENCH_ORACLE_PYTHON := $(ORACLE_PY)
# Published results (committed) feed reports/PERFORMANCE.md (+ .html). `make bench`/`make sweep` write
# only to untracked results/local and reports/local, so git status stays clean; `make publish` copies
# local results into results/published and regenerates the committed report, deliberately.
PUBLISHED    := results/published
LOCAL        := results/local
LOCAL_REPORT := reports/local
REPORT_RESULTS ?= $(PUBLISHED)/*/results.csv
# Which local experiments `make publish` copies (those present under results/local).
PUBLISH      ?= $(notdir $(wildcard $(LOCAL)/*))
BASELINE     ?= results/baseline/ci
CANDIDATE    ?= results/ci/latest
# CI machines are shared and noisy: deterministic metrics carry the verdict there, timings only fail
# past a generous threshold (and a significant Mann-Whitney test). Tighten on dedicated runners,
# e.g. `make ci CI_THRESHOLD=10%` with more repeats (README, "CI").
CI_THRESHOLD ?= 75%
# Phase times of a 20k-record run are a few milliseconds: judge them more loosely than wall time.
CI_PHASE_THRESHOLDS ?= --threshold-metric gen_s=200% --threshold-metric hash_s=200% --threshold-metric dedup_s=200% --threshold-metric write_s=200%

.PHONY: setup build release test test-release lint bench sweep report publish compare ci ci-bench ci-ab baseline bench-storage bench-snapshot bench-pipeline bench-reference reference-setup bench-core bench-harness bench-s3 clean clean-out completions man serve

setup:                       ## system libraries, gnuplot and the Python readers (idempotent)
	@bash scripts/setup.sh

build: setup                 ## debug build
	$(SWIFT) build

release: setup               ## optimised build used by benchmarks
	$(SWIFT) build -c release

test: setup                  ## unit, round-trip and interop tests
	bash scripts/check-imports.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --skip ScheduledRunTests
	# The scheduled-run test watches a real sweep's live progress; alone, it does not race the
	# other suites for the two cores.
	$(SWIFT) test --skip-build --filter ScheduledRunTests

test-release: setup          ## the same tests in the release configuration (the one that publishes numbers)
	$(SWIFT) test -c release --parallel --skip ScheduledRunTests  # swift test builds with -enable-testing (@testable imports)
	$(SWIFT) test -c release --filter ScheduledRunTests

lint:                        ## formatting check with the committed .swift-format, declared imports
	bash scripts/check-imports.sh
	$(SWIFT) format lint --recursive --configuration .swift-format Sources Tests Package.swift

bench-storage: release       ## Parquet/Delta write benchmark (issue figures: 1.1M bronze rows)
	$(RELEASE_BIN) lake bench --rows 1100000 --codec snappy --codec zstd --codec gzip --out out/bench-storage

bench-snapshot: release      ## snapshot load time after 10, 100, 1,000 and 5,000 commits (checkpoints vs JSON replay)
	$(RELEASE_BIN) lake bench-snapshot --workload append --commits 10 --commits 100 --commits 1000 --commits 5000 --out out/bench-snapshot
	$(RELEASE_BIN) lake bench-snapshot --workload replace --commits 10 --commits 100 --commits 1000 --commits 5000 --out out/bench-snapshot

# End-to-end figures (scripts/reference/bench.py): each run its own process, median of BENCH_REPEATS.
BENCH_SCALES  ?= 1000000,10000000
BENCH_REPEATS ?= 3
# Messages per micro-batch (empty: 10 batches at every scale). `make bench-pipeline BENCH_SCALES=1000000,10000000,100000000
# BENCH_BATCH_ROWS=1000000 BENCH_REPEATS=1` shows peak RSS from 1M to 100M at one batch size.
BENCH_BATCH_ROWS ?=
REFERENCE_PY  := $(CURDIR)/.venv-reference/bin/python
bench-pipeline: release      ## per strategy at 1M and 10M: total_s, wall_s (ingest), verify_s, peak RSS
	python3 scripts/reference/bench.py $(RELEASE_BIN) out/bench-pipeline --scales $(BENCH_SCALES) --repeats $(BENCH_REPEATS) $(if $(BENCH_BATCH_ROWS),--batch-rows $(BENCH_BATCH_ROWS))

reference-setup:             ## the Python reference stack (.venv-reference, pinned; not part of make test)
	@[ -x $(REFERENCE_PY) ] || python3.11 -m venv .venv-reference
	@cmp -s scripts/reference/requirements-reference.txt .venv-reference/.stamp || { .venv-reference/bin/pip install -q --disable-pip-version-check -r scripts/reference/requirements-reference.txt && cp scripts/reference/requirements-reference.txt .venv-reference/.stamp; }

bench-reference: release reference-setup  ## dedupbench vs the Python reference, alternating, medians, ratios
	python3 scripts/reference/bench.py $(RELEASE_BIN) out/bench-reference --reference $(REFERENCE_PY) --scales $(BENCH_SCALES) --repeats $(BENCH_REPEATS) $(if $(BENCH_BATCH_ROWS),--batch-rows $(BENCH_BATCH_ROWS))

bench-s3: release            ## measured (moto S3 on loopback) vs modelled request counts per strategy, 1M records
	bash scripts/bench-s3.sh $(RELEASE_BIN) 1000000

bench-core: release         ## generation, delivery models and hash columns on their own
	$(RELEASE_BIN) bench-core

bench: release               ## default experiment → results/local/default → reports/local (untracked; see publish)
	rm -rf $(LOCAL)/default
	$(RELEASE_BIN) run experiments/default.yaml --results $(LOCAL)/default --progress lines
	$(RELEASE_BIN) report $(LOCAL)/*/results.csv --out $(LOCAL_REPORT)/PERFORMANCE.md --html --png

sweep: release               ## duplicate rate 0 → 0.5 for every strategy → results/local/dup-sweep → reports/local
	rm -rf $(LOCAL)/dup-sweep
	$(RELEASE_BIN) run experiments/dup-sweep.yaml --results $(LOCAL)/dup-sweep --progress lines
	$(RELEASE_BIN) report $(LOCAL)/*/results.csv --out $(LOCAL_REPORT)/PERFORMANCE.md --html --png

publish: release             ## copy results/local/<exp> → results/published/<exp> (PUBLISH="default ..."), regenerate the committed report
	@test -n "$(PUBLISH)" || { echo "publish: nothing under $(LOCAL)/ — run make bench or make sweep first" >&2; exit 2; }
	for e in $(PUBLISH); do test -f $(LOCAL)/$$e/results.csv || { echo "publish: no $(LOCAL)/$$e/results.csv" >&2; exit 2; }; done
	for e in $(PUBLISH); do rm -rf $(PUBLISHED)/$$e && mkdir -p $(PUBLISHED) && cp -R $(LOCAL)/$$e $(PUBLISHED)/$$e; done
	$(RELEASE_BIN) report $(REPORT_RESULTS) --out reports/PERFORMANCE.md --html --png
	@echo "publish: review and commit results/published/ and reports/ (git status)" >&2

report: release              ## reports/PERFORMANCE.md + .html + charts from the committed results (no rerun)
	$(RELEASE_BIN) report $(REPORT_RESULTS) --out reports/PERFORMANCE.md --html --png

compare: release             ## CANDIDATE vs BASELINE results; exit 1 on a regression (docs/COMPARE.md)
	$(RELEASE_BIN) compare --baseline $(BASELINE) --candidate $(CANDIDATE)

ci: test ci-bench            ## tests, then the CI experiment compared against the committed baseline

ci-bench: release            ## the CI experiment (experiments/ci.yaml) → compare with results/baseline/ci
	rm -rf results/ci/latest
	$(RELEASE_BIN) run experiments/ci.yaml --results results/ci/latest --progress lines
	$(RELEASE_BIN) compare --baseline $(BASELINE) --candidate results/ci/latest --threshold $(CI_THRESHOLD) $(CI_PHASE_THRESHOLDS)

# A/B: both builds run interleaved on one machine, so timings can be judged far more tightly than
# against a stored baseline. The base is built in release into .build-base/ (gitignored, kept for
# incremental rebuilds). Not part of `make test` or `make ci`: it builds dedupbench twice.
AB_THRESHOLD ?= 10%
ci-ab: release               ## A/B timing: BASE_REF (default HEAD~1) built into .build-base, run alternately with this build, compared
	BASE_REF=$(or $(BASE_REF),HEAD~1) AB_ROUNDS=$(or $(AB_ROUNDS),5) CI_THRESHOLD=$(AB_THRESHOLD) AB_COMPARE_ARGS="$(CI_PHASE_THRESHOLDS)" SWIFT=$(SWIFT) bash scripts/ci-ab.sh

baseline: release            ## re-record the CI baseline (commit results/baseline/ci deliberately)
	rm -rf $(BASELINE)
	$(RELEASE_BIN) run experiments/ci.yaml --results $(BASELINE) --progress lines

bench-harness: release       ## harness overhead per run and 10,000-cell expansion time
	bash experiments/tools/bench-harness.sh $(RELEASE_BIN)

completions: release         ## shell completions (bash, zsh, fish) → out/completions/ (ArgumentParser's generator)
	mkdir -p out/completions
	for sh in bash zsh fish; do $(RELEASE_BIN) --generate-completion-script $$sh > out/completions/dedupbench.$$sh || exit $$?; done
	@echo "completions: source out/completions/dedupbench.bash (or copy the zsh/fish file to your completion directory)" >&2

man:                         ## man page → out/man/dedupbench.1 (ArgumentParser's generate-manual plugin)
	$(SWIFT) package plugin generate-manual
	mkdir -p out/man
	cp .build/plugins/GenerateManual/outputs/dedupbench/dedupbench.1 out/man/dedupbench.1
	@echo "man: man out/man/dedupbench.1" >&2
SERVE_PORT   ?= 8080
serve: release               ## dashboard of the published results on http://127.0.0.1:$(SERVE_PORT)/ (docs/SERVE.md)
	$(RELEASE_BIN) serve --results $(PUBLISHED) --port $(SERVE_PORT) $(SERVE_ARGS)

clean:
	rm -rf .build .build-base out

clean-out:                   ## delete pipeline tables (out/) and local results/reports; keeps committed ones
	rm -rf out $(LOCAL) $(LOCAL_REPORT)
