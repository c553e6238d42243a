#pragma once
// The subcommand table of the `tinysim` CLI. To add one: write
// <name>_command.cpp with an `int name_command(int argc, char** argv)` and add a row
// to kCommands in main.cpp.
#include "arguments.h"

namespace tinysim::cli {

/// Exit code for bad input or a firmware fault (the firmware's own code otherwise).
inline constexpr int kExitBadInput = 2;

/// One subcommand: its name, a one-line summary, its usage text and its entry
/// point, which gets all of argv (its own options start at argv[2]).
struct Command {
  const char* name;
  const char* summary;
  const char* usage;
  int (*run)(int argc, char** argv);
};

int run_command(int argc, char** argv);
int devices_command(int argc, char** argv);
int model_main(int argc, char** argv);
/// Also reached as `tinysim --scenario FILE`: argv[1] is then "--scenario" and FILE follows.
int scenario_command(int argc, char** argv);

/// Prints "tinysim: <error>" to stderr and returns kExitBadInput.
int report(const Error& error);

}  // namespace tinysim::cli
