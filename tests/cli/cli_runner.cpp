#include "cli_runner.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace tinysim::test {

CliOutcome run_cli(const std::string& args) {
  CliOutcome o;
  const std::string command = std::string(TINYSIM_CLI) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return o;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) o.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return o;
}

}  // namespace tinysim::test
