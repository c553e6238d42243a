#pragma once
// User-facing errors as values: where (file, line, column, field) and what was
// expected. The core never prints or exits; the CLI and GUI turn these into messages.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace tinysim {

/// A problem with the user's input or run, located as precisely as we can.
struct Error {
  std::string message;    ///< what is wrong and what was expected
  std::string file;       ///< input file, empty if none
  int line = 0;           ///< 1-based, 0 if unknown
  int column = 0;         ///< 1-based, 0 if unknown
  std::string field;      ///< e.g. "sensors[0].rate", empty if none

  /// "file:line:column: field: message", leaving out the parts that are unknown.
  std::string describe() const;
};

/// An Error with a message and, optionally, the file it is about.
inline Error make_error(std::string message, std::string file = {}) {
  Error e;
  e.message = std::move(message);
  e.file = std::move(file);
  return e;
}

/// Either a value or an Error. Small on purpose: value(), error(), ok().
template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}
  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

/// Result of an operation with no value: empty optional means success.
using Status = std::optional<Error>;

}  // namespace tinysim
