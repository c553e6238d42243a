#pragma once
// A small JSON emitter for reports: keys in the order written, two-space indent,
// numbers printed the same way on every run (reports are compared byte for byte).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tinysim {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(int64_t number);
  JsonWriter& value(uint64_t number);
  JsonWriter& value(int number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(unsigned number) { return value(static_cast<uint64_t>(number)); }
  /// Up to `significant` significant digits, no exponent for ordinary magnitudes.
  JsonWriter& value(double number, int significant = 6);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  /// key + value in one call.
  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

  /// The document, with a final newline once every object and array is closed.
  std::string str() const;

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);
  void newline();

  std::string out_;
  struct Level {
    char bracket;
    bool empty;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

/// `text` with JSON string escapes, without the quotes.
std::string json_escape(std::string_view text);

}  // namespace tinysim
