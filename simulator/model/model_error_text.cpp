#include "model/model_error_text.h"

#include <cstdio>

#include "model/schema.h"

namespace tinysim {
namespace {

using tinyrt::ModelPart;
using tinyrt::ModelStatus;

/// 5000 -> "5,000": file sizes read at a glance.
std::string grouped(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

/// The four identifier bytes as text, unprintable ones as \xNN.
std::string identifier_text(int64_t value) {
  std::string out;
  for (int i = 0; i < 4; ++i) {
    const unsigned byte = static_cast<unsigned>(static_cast<uint64_t>(value) >> (8 * i)) & 0xFFu;
    if (byte >= 0x20 && byte < 0x7F && byte != '\\' && byte != '\'') {
      out += static_cast<char>(byte);
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", byte);
      out += hex;
    }
  }
  return out;
}

std::string field_text(const tinyrt::ModelError& e) {
  std::string out = e.field;
  if (e.index >= 0) out += " [" + std::to_string(e.index) + "]";
  return out;
}

/// What the reader found at the structure it was reading, in FlatBuffer terms.
std::string structure_text(const tinyrt::ModelError& e) {
  const std::string at = std::to_string(e.offset), v = std::to_string(e.value);
  switch (e.part) {
    case ModelPart::kOffset: return "an offset at byte " + at + " to byte " + std::to_string(int64_t(e.offset) + e.value);
    case ModelPart::kReference: return "a reference at byte " + at + " to byte " + v;
    case ModelPart::kTable: return "a table of " + v + " bytes at byte " + at;
    case ModelPart::kVtableRef: return "a table at byte " + at + " with its vtable at byte " + v;
    case ModelPart::kVtable: return "a vtable of " + v + " bytes at byte " + at;
    case ModelPart::kFieldSlot: return "a vtable entry at byte " + at + " placing the field " + v + " bytes into its table";
    case ModelPart::kVector: return "a vector of " + v + " entries at byte " + at;
    case ModelPart::kString: return "a string of " + v + " bytes at byte " + at;
    case ModelPart::kElement: return "element " + v + " of the vector at byte " + at;
    case ModelPart::kData: return "data at byte " + v + " named by the table at byte " + at;
    case ModelPart::kNone: break;
  }
  return "at byte " + at + ", value " + v;
}

/// A reference points outside the file; a structure runs past its end.
const char* overrun_verb(const tinyrt::ModelError& e) {
  switch (e.part) {
    case ModelPart::kOffset:
      return e.value == 0 ? "is null, not a position in " : "points outside ";
    case ModelPart::kReference:
    case ModelPart::kVtableRef:
    case ModelPart::kData: return "points outside ";
    default: return "runs past the end of ";
  }
}

std::string what_is_wrong(const tinyrt::ModelError& e) {
  const std::string file_size = "the " + grouped(e.size) + "-byte file";
  switch (e.status) {
    case ModelStatus::kTooSmall:
      return "not a TFLite model: " + file_size + " is shorter than the 8-byte FlatBuffer header";
    case ModelStatus::kBadIdentifier:
      return "not a TFLite model: the FlatBuffer identifier at byte " + std::to_string(e.offset) + " is '" +
             identifier_text(e.value) + "', expected '" + std::string(tinyrt::kTfliteIdentifier, 4) + "'";
    case ModelStatus::kBadVersion:
      return "unsupported TFLite schema version " + std::to_string(e.value) + " (Model.version at byte " +
             std::to_string(e.offset) + "), expected " + std::to_string(tinyrt::kTfliteSchemaVersion);
    case ModelStatus::kOutOfBounds:
      if (e.part == ModelPart::kElement) break;  // an index past a vector: the bytes are whole
      return "truncated or corrupt: " + field_text(e) + " (" + structure_text(e) + ") " + overrun_verb(e) + file_size;
    case ModelStatus::kBadVtable:
      return "corrupt: " + field_text(e) + " (" + structure_text(e) + ") is malformed";
    case ModelStatus::kUnterminatedString:
      return "truncated or corrupt: " + field_text(e) + " (a string ending at byte " + std::to_string(e.offset) +
             ") lacks its terminating zero byte";
    default:
      break;
  }
  char text[256];
  tinyrt::format_model_error(e, text, sizeof text);
  return text;
}

}  // namespace

std::string model_error_text(const tinyrt::ModelError& error) {
  std::string text = what_is_wrong(error);
  const std::string status = tinyrt::model_status_name(error.status);
  if (text.rfind(status, 0) != 0) text += " [" + status + "]";  // the reader's own words lead already
  return text;
}

}  // namespace tinysim
