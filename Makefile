# The README's commands. Each installs what is missing first (scripts/setup.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export SASS_PATH := $(CURDIR)/node_modules/@uswds/uswds/packages
# Cargo's builds live outside the checkout, shared by every clone of this user: a fresh clone on
# a warm machine compiles only the portal's own crates, not Leptos and the rest again.
export CARGO_TARGET_DIR ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/readiness-portal/target

.PHONY: serve serve-release test build report setup

## Set up, build and serve the app on http://127.0.0.1:8080, rebuilding quickly on change
## (a debug build: no wasm-opt and no whole-program optimisation; `make build` is the release)
serve:
	scripts/setup.sh app
	@# trunk refuses to watch when a path in Trunk.toml's [watch] ignore list does not exist yet.
	mkdir -p test-results playwright-report dist target "$(CARGO_TARGET_DIR)"
	@echo "Serving the portal on http://127.0.0.1:8080: it rebuilds on change; reload the page then (Ctrl-C stops it)"
	trunk serve

## The same with the release build, as users get it (slower to rebuild)
serve-release:
	scripts/setup.sh app
	mkdir -p test-results playwright-report dist target "$(CARGO_TARGET_DIR)"
	@echo "Serving the release build on http://127.0.0.1:8080 (Ctrl-C stops it)"
	trunk serve --release

## Set up and run every test layer: host, in-browser and end-to-end
test:
	scripts/setup.sh test
	scripts/test.sh

## Build the release site into dist/
build:
	scripts/setup.sh app
	trunk build --release

## Build the release site and print its Lighthouse figures and first-load sizes (tests/budgets.json)
report:
	scripts/setup.sh test
	trunk build --release
	node scripts/report.mjs

setup:
	scripts/setup.sh test
