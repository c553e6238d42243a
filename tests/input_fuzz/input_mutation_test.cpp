// The YAML inputs a user writes (scenarios, device files, batteries, training specs),
// mutated at random from the shipped files: each mutant that is still YAML must load
// or be refused with an Error naming a file and saying what; no exception escapes and
// nothing crashes. A typo anywhere in a user's file gets a message, never an abort.
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cost/device_timing.h"
#include "device/device_loader.h"
#include "energy/battery.h"
#include "energy/power_profile.h"
#include "scenario/scenario_parser.h"
#include "sensors/csv_source.h"
#include "support/scratch.h"
#include "train/train_spec.h"

namespace tinysim {
namespace {

std::string text_of(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// One mutant of `text`: a value swapped for an odd one, a line dropped, duplicated or
/// re-indented, or a character changed (a user's typical slips, and worse).
std::string mutate(const std::string& text, std::mt19937& random) {
  static const std::vector<std::string> odd = {"", "-1", "0", "1e99", "abc", "[1, 2]", "{a: 1}", "~", "nan",
                                               "3 V", "1 uA/MHz", "0x", "-5 s", "99999999999999999999", "[]",
                                               "{}", "50 Hz", "1 mAh", "\"\"", "true", "2 %/year", "-0.5"};
  std::vector<std::string> lines = lines_of(text);
  if (lines.empty()) return text;
  const size_t at = random() % lines.size();
  std::string& line = lines[at];
  switch (random() % 5) {
    case 0: {  // the value after a "key:" becomes something odd
      const size_t colon = line.find(": ");
      if (colon != std::string::npos) line = line.substr(0, colon + 2) + odd[random() % odd.size()];
      else line += odd[random() % odd.size()];
      break;
    }
    case 1: lines.erase(lines.begin() + long(at)); break;
    case 2: lines.insert(lines.begin() + long(at), line); break;
    case 3: line = (random() % 2 ? "  " : "") + line.substr(line.size() > 1 && line[0] == ' ' ? 2 : 0); break;
    default:
      if (!line.empty()) line[random() % line.size()] = "x:-[]{}, 0#\"'"[random() % 13];
  }
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

/// The seed: fixed (7) in CI; TINYSIM_MUTATION_SEED=N explores other mutants locally.
uint32_t mutation_seed() {
  const char* seed = std::getenv("TINYSIM_MUTATION_SEED");
  return seed ? static_cast<uint32_t>(std::strtoul(seed, nullptr, 10)) : 7u;
}

/// Runs `load` on `count` mutants of every file in `files`: the mutant's text and the
/// original's path (relative paths in it resolve against the original's folder; nothing is
/// written next to the shipped files, which other tests list at the same time).
void fuzz(const std::vector<std::filesystem::path>& files, int count,
          const std::function<std::optional<Error>(const std::string& text, const std::string& path)>& load) {
  std::mt19937 random(mutation_seed());
  size_t loaded = 0, refused = 0;
  for (const auto& file : files) {
    const std::string original = text_of(file);
    for (int i = 0; i < count; ++i) {
      const std::string mutant = mutate(original, random);
      try {
        (void)YAML::Load(mutant);
      } catch (const YAML::Exception&) {
        continue;  // not YAML: the loaders' file reader reports yaml-cpp's message (tested elsewhere)
      }
      std::optional<Error> error;
      try {
        error = load(mutant, file.string());
      } catch (const std::exception& e) {
        ADD_FAILURE() << file << " mutant " << i << ": exception '" << e.what() << "' escaped for:\n" << mutant;
      }
      if (error) {
        ++refused;
        EXPECT_FALSE(error->file.empty()) << file << " mutant " << i << ": " << error->describe() << "\n" << mutant;
        EXPECT_FALSE(error->message.empty()) << file << " mutant " << i << "\n" << mutant;
      } else {
        ++loaded;
      }
      if (::testing::Test::HasFailure()) break;
    }
  }
  EXPECT_GT(refused, 0u);  // the mutations reach the checks
  EXPECT_GT(loaded, 0u);   // and some are harmless
}

std::vector<std::filesystem::path> yaml_files(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

template <class T>
std::optional<Error> error_of(const Result<T>& r) {
  return r ? std::nullopt : std::optional<Error>(r.error());
}

TEST(InputMutation, ScenarioFiles) {
  fuzz(yaml_files(TINYSIM_SOURCE_DIR "/scenarios"), 300, [](const std::string& text, const std::string& path) {
    return error_of(parse_scenario(YAML::Load(text), path));
  });
}

TEST(InputMutation, DeviceFilesWithTheirPowerAndTimingSections) {
  fuzz(yaml_files(TINYSIM_SOURCE_DIR "/devices"), 120,
       [](const std::string& text, const std::string& path) -> std::optional<Error> {
         auto device = parse_device(text, path);
         if (!device) return device.error();
         // The sections the energy and cost models read themselves (device_section() gives them so).
         YAML::Node root = YAML::Load(text);
         for (const char* mode : {"", "ldo"}) {
           YAML::Node power = root["power"];
           if (!power.IsDefined()) break;
           if (!power.IsMap()) return Error{"power: not a map", path, 0, 0, "power"};
           auto profile = parse_power_profile(YamlFields(power, path, "power"), mode);
           if (!profile) return profile.error();
         }
         YAML::Node timing = root["timing"];
         if (timing.IsDefined() && timing.IsMap()) {
           auto parsed = parse_device_timing(YamlFields(timing, path, "timing"), device->core, device->clock_hz);
           if (!parsed) return parsed.error();
         }
         return std::nullopt;
       });
}

TEST(InputMutation, BatteryFiles) {
  // The battery loader reads a path: each mutant goes to this process's scratch folder.
  const std::string scratch = test::scratch_path("mutant_battery.yaml");
  fuzz(yaml_files(TINYSIM_SOURCE_DIR "/devices/batteries"), 150, [&scratch](const std::string& text, const std::string&) {
    std::ofstream(scratch) << text;
    return error_of(load_battery_file(scratch));
  });
}

TEST(InputMutation, TrainingSpecs) {
  fuzz(yaml_files(TINYSIM_SOURCE_DIR "/scenarios/models"), 150, [](const std::string& text, const std::string& path) {
    return error_of(parse_train_spec(YAML::Load(text), path));
  });
}

TEST(InputMutation, RecordedCsv) {
  // A recording as a user exports it: time, three axes, a label; then mutated character by
  // character (digits, separators, signs, quotes, line ends) and read frame by frame.
  std::string csv = "time,ax,ay,az,label\n";
  for (int i = 0; i < 40; ++i)
    csv += std::to_string(i * 0.02).substr(0, 4) + "," + std::to_string(i * 7 % 300 - 150) + ",0.5,-12," +
           (i < 20 ? "rest" : "walk") + "\n";
  CsvSensorOptions options;
  options.label_column = "label";
  options.scale = 10;
  std::mt19937 random(mutation_seed() + 4);
  size_t loaded = 0, refused = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string mutant = csv;
    for (int c = 0, n = 1 + int(random() % 4); c < n; ++c)
      mutant[random() % mutant.size()] = "0123456789.,-+e\n\" x"[random() % 18];
    auto source = CsvSensorSource::parse(mutant, "rec.csv", options);
    if (!source) {
      ++refused;
      ASSERT_EQ(source.error().file, "rec.csv") << mutant;
      ASSERT_FALSE(source.error().message.empty()) << mutant;
      continue;
    }
    ++loaded;
    std::vector<int16_t> frame(source->channels());
    for (uint64_t f = 0; f < *source->frame_count(); ++f) {
      source->read_frame(f, frame.data());
      ASSERT_LT(source->label(f), int(source->label_names().size())) << mutant;
    }
  }
  EXPECT_GT(loaded, 100u);
  EXPECT_GT(refused, 100u);
}

}  // namespace
}  // namespace tinysim
