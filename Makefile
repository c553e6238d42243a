# Thin convenience layer over CMake: each target sets up what it needs first.
# The CMake build works on its own too (see README.md).
BUILD ?= build
CMAKE_ARGS ?=
JOBS ?= $(shell nproc)

.PHONY: all setup configure build run test bench models clean

all: build

setup:
	@scripts/setup

$(BUILD)/build.ninja:
	@scripts/setup
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)

configure: $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The main job: the wearable scenario, headless (docs/scenarios.md).
run: build
	$(BUILD)/bin/tinysim --scenario scenarios/wearable.yaml

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

bench: build
	cmake --build $(BUILD) --target bench

# The model zoo: every scenarios/models/<name>.yaml trained into <name>.tflite (seeded:
# the same bytes every time).
MODEL_SPECS := $(wildcard scenarios/models/*.yaml)
models: configure
	cmake --build $(BUILD) -j $(JOBS) --target tinysim
	@for spec in $(MODEL_SPECS); do \
	  echo "== $$spec"; \
	  $(BUILD)/bin/tinysim model train $$spec -o $${spec%.yaml}.tflite || exit 1; \
	done

clean:
	rm -rf $(BUILD)
