// tinysim: the headless command line. Subcommands are added as the core grows.
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
    std::printf("usage: tinysim <command> [options]\n");
    return argc < 2 ? 2 : 0;
  }
  std::fprintf(stderr, "tinysim: unknown command '%s' (try --help)\n", argv[1]);
  return 2;
}
