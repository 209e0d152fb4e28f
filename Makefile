# deboil: make run | make test | make lint | make bench | make eval
CARGO ?= cargo
# The binary cargo builds (honours CARGO_TARGET_DIR).
BIN ?= $(or $(CARGO_TARGET_DIR),target)/release/deboil
DEVSET ?= ../shared/devset

.PHONY: build run test lint bench eval fixtures readme clean

build:
	$(CARGO) build --release --locked

# Clean the seed dumps into out/ (one file per article), write the report, show the result.
run: build
	rm -rf out
	$(BIN) clean seeds/ -o out --report out/report.json
	@for f in out/*.txt; do printf '\n===== %s =====\n' "$$f"; cat "$$f"; done
	@echo
	@echo "report: out/report.json"

# The whole suite: unit and integration tests, then the golden fixtures through `deboil check`.
test:
	$(CARGO) test --locked --release
	$(CARGO) build --release --locked
	$(BIN) check fixtures

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets --locked -- -D warnings

# Per-stage throughput (divan), then the whole-process comparison with the peers
# (builds a ~250 MB corpus under bench/.work and installs dolma and datatrove in bench/.venv;
# BENCH_MB=25 for a quick run). Table in bench/results.md.
bench: build
	$(CARGO) bench --bench stages
	bash bench/compare.sh

# Score on the dev set (outside the repository) beside `cat`.
eval: build
	@if [ -d $(DEVSET) ]; then \
	  echo "== cat"; python3 $(DEVSET)/score.py --cmd cat; \
	  echo "== deboil"; python3 $(DEVSET)/score.py --cmd '$(abspath $(BIN)) clean -q {in}'; \
	else echo "no dev set at $(DEVSET)"; fi

# Rewrite the README's rules table (between its rules:start/rules:end markers) from the registry.
readme: build
	$(BIN) rules --no-config --format markdown > README.rules.tmp
	python3 -c 'import re,sys; r=open("README.md").read(); t=open("README.rules.tmp").read(); \
	  open("README.md","w").write(re.sub(r"(<!-- rules:start -->\n).*?(<!-- rules:end -->)", lambda m: m.group(1)+t+m.group(2), r, flags=re.S))'
	rm -f README.rules.tmp

clean:
	rm -rf out
	$(CARGO) clean
