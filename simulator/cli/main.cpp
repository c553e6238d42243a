// tinysim: the headless command line. A table of subcommands; see commands.h.
#include <cstdio>
#include <cstring>
#include <exception>

#include "commands.h"

namespace {

using tinysim::cli::Command;

constexpr Command kCommands[] = {
    {"run", "run a firmware ELF on an emulated device",
     "tinysim run <firmware.elf> --device <name> [--max-cycles N] [--max-instructions N] [--trace]\n"
     "            [--devices-dir DIR]",
     tinysim::cli::run_command},
    {"devices", "list the devices TinySim can emulate", "tinysim devices [--devices-dir DIR]",
     tinysim::cli::devices_command},
    {"model", "inspect a .tflite, bench it, run or validate it with your inputs on an emulated chip, train one",
     "tinysim model inspect <model.tflite> [--device <name>] [--json]\n"
     "  tinysim model bench <model.tflite> --device <name> [--regulator MODE] [--runs N] [--seed S] [--json]\n"
     "  tinysim model run <model.tflite> (--device <name> | --host) --input [NAME=]FILE... [--output FILE...]\n"
     "  tinysim model validate <model.tflite> (--device <name> | --host) --inputs PATH... --expected PATH...\n"
     "            [--tolerance LSB] [--report FILE.json]\n"
     "  tinysim model train <spec.yaml> -o <model.tflite> [--quiet] [--json]",
     tinysim::cli::model_main},
    {"scenario", "run a scenario headless: fits, fast enough, right, battery life",
     "tinysim --scenario <file.yaml> [--device <name>] [--clock-mhz MHZ] [--duration TIME] [--seed N]\n"
     "            [--battery <name>] [--set key=value]... [--report run.json] [--junit results.xml]\n"
     "            [--trace trace.json] [--quiet]   (or: tinysim scenario <file.yaml> ...)",
     tinysim::cli::scenario_command},
};

int usage(FILE* out) {
  std::fprintf(out, "usage: tinysim <command> [options]\n\ncommands:\n");
  for (const auto& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out, "\n");
  for (const auto& c : kCommands) std::fprintf(out, "  %s\n", c.usage);
  return out == stdout ? 0 : tinysim::cli::kExitBadInput;
}

}  // namespace

int tinysim::cli::report(const Error& error) {
  std::fprintf(stderr, "tinysim: %s\n", error.describe().c_str());
  return kExitBadInput;
}

static int dispatch(int argc, char** argv) {
  if (argc < 2) return usage(stderr);
  if (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "help") == 0) return usage(stdout);
  const bool scenario_flag = std::strcmp(argv[1], "--scenario") == 0;
  for (const auto& c : kCommands) {
    if (std::strcmp(argv[1], c.name) != 0 && !(scenario_flag && std::strcmp(c.name, "scenario") == 0)) continue;
    // `--help` anywhere after a command prints its usage (model run/validate have their own, longer one).
    const bool own_help = argc > 2 && (std::strcmp(argv[2], "run") == 0 || std::strcmp(argv[2], "validate") == 0);
    for (int i = 2; i < argc && !own_help; ++i)
      if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
        std::printf("usage: %s\n", c.usage);
        return 0;
      }
    return c.run(argc, argv);
  }
  std::fprintf(stderr, "tinysim: unknown command '%s' (try --help)\n", argv[1]);
  return tinysim::cli::kExitBadInput;
}

int main(int argc, char** argv) {
  // Every input error is an Error value with file:line; an exception getting here is a
  // TinySim bug, still reported as a message (and exit 2), never an abort.
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tinysim: internal error: %s\n(a TinySim bug: please report the command and its input files)\n",
                 e.what());
    return tinysim::cli::kExitBadInput;
  }
}
