# npgov — the two quick-start commands are `make run` and `make test`.
# Everything else here is what they are made of.

PRESET ?= release
BUILD_DIR := build/$(PRESET)
NPGOV := $(BUILD_DIR)/apps/npgov/npgov
CONFIG ?= npgov.toml
DB ?= var/npgov.db

.PHONY: run test deps build web db serve clean check-includes

## Install what is missing, build, create the demo database if absent, and serve on :8080.
run: deps build web db
	$(NPGOV) $(if $(wildcard $(CONFIG)),--config $(CONFIG)) serve

## Install what is missing, build, and run every test (C++ on SQLite and PostgreSQL, API, web, browser).
test: deps build web
	NPGOV_BIN=$(NPGOV) BUILD_DIR=$(BUILD_DIR) scripts/test.sh

deps:
	@scripts/install-deps.sh
	@test -d web/node_modules || (cd web && npm ci --no-audit --no-fund)

build:
	@test -f $(BUILD_DIR)/build.ninja || cmake --preset $(PRESET)
	cmake --build $(BUILD_DIR)

web:
	cd web && npm run build --silent

# Creates the SQLite database with migrations, reference data and the synthetic demo city,
# only if it does not exist yet.
db:
	@mkdir -p $(dir $(DB))
	@if [ ! -f $(DB) ]; then \
	  $(NPGOV) db migrate && $(NPGOV) db seed-reference && $(NPGOV) db seed-demo; \
	else \
	  $(NPGOV) db migrate; \
	fi

check-includes:
	scripts/check-includes.sh

clean:
	rm -rf build web/dist
