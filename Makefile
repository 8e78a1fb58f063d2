# The two commands: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup serve test bench fuzz

help:
	@echo "make serve   install what is missing, then serve the app on http://127.0.0.1:8080/"
	@echo "make test    install what is missing, then run every test layer"
	@echo "make bench   install Erlang and Go if missing, then print the side-by-side benchmarks"
	@echo "make fuzz    run every fuzz target for FUZZ_SECONDS each (default 180), then print executions and coverage"

setup:
	@bash scripts/setup.sh

serve: setup
	@bash scripts/serve.sh

test: setup
	@bash scripts/test.sh

bench: setup
	@bash scripts/bench.sh

fuzz:
	@bash scripts/fuzz.sh
