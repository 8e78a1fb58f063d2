# The two commands: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup serve site test bench fuzz

help:
	@echo "make serve   install what is missing, then serve the app on http://127.0.0.1:8080/"
	@echo "             LESSONS=path/to/folder serves that course instead, once it passes the checker"
	@echo "make site    write the static site to dist/ (LESSONS=folder for your course, PUBLIC_URL=/sub/ for a sub-path)"
	@echo "make test    install what is missing, then run every test layer"
	@echo "make bench   install Erlang and Go if missing, then print the side-by-side benchmarks"
	@echo "make fuzz    run every fuzz target for FUZZ_SECONDS each (default 180), then print executions and coverage"

setup:
	@bash scripts/setup.sh

serve: setup
	@LESSONS="$(LESSONS)" bash scripts/serve.sh

site: setup
	@LESSONS="$(LESSONS)" PUBLIC_URL="$(PUBLIC_URL)" bash scripts/site.sh

test: setup
	@bash scripts/test.sh

bench: setup
	@bash scripts/bench.sh

fuzz:
	@bash scripts/fuzz.sh
