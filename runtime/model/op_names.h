#pragma once
// Names of TFLite builtin operators, for error messages and reports.
#include <stdint.h>

namespace tinyrt {

/// Name of a BuiltinOperator code as in schema.fbs ("CONV_2D"), "UNKNOWN" outside it.
const char* builtin_op_name(int32_t code);

/// True for the ops this runtime runs (the issue 3 set).
bool is_supported_op(int32_t code);

}  // namespace tinyrt
