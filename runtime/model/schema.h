#pragma once
// TFLite schema facts the reader relies on (tensorflow/lite/schema/schema.fbs):
// field ids of each table and the enum values. Sources: docs/tflite-format.md.
#include <stdint.h>

#include "common/padding.h"

namespace tinyrt {

/// TensorType (schema.fbs `enum TensorType : byte`); only the ones we name.
enum class TensorType : int8_t {
  kFloat32 = 0,
  kFloat16 = 1,
  kInt32 = 2,
  kUInt8 = 3,
  kInt64 = 4,
  kString = 5,
  kBool = 6,
  kInt16 = 7,
  kComplex64 = 8,
  kInt8 = 9,
};

/// BuiltinOperator (schema.fbs `enum BuiltinOperator : int32`): the supported set.
enum class BuiltinOp : int32_t {
  kAdd = 0,
  kAveragePool2D = 1,
  kConcatenation = 2,
  kConv2D = 3,
  kDepthwiseConv2D = 4,
  kDequantize = 6,
  kFullyConnected = 9,
  kLogistic = 14,
  kMaxPool2D = 17,
  kMul = 18,
  kReshape = 22,
  kSoftmax = 25,
  kTanh = 28,
  kCustom = 32,
  kPad = 34,
  kMean = 40,
  kQuantize = 114,
};

/// BuiltinOptions union type numbers (0 = NONE) for the supported ops' tables.
enum class OptionsType : uint8_t {
  kNone = 0,
  kConv2D = 1,
  kDepthwiseConv2D = 2,
  kPool2D = 5,
  kFullyConnected = 8,
  kSoftmax = 9,
  kConcatenation = 10,
  kAdd = 11,
  kReshape = 17,
  kMul = 21,
  kPad = 22,
  kReducer = 27,
  kDequantize = 38,
  kQuantize = 89,
};


/// ActivationFunctionType (schema.fbs); int8 kernels support NONE..RELU6.
enum class Activation : uint8_t {
  kNone = 0,
  kRelu = 1,
  kReluN1To1 = 2,
  kRelu6 = 3,
  kTanh = 4,
  kSignBit = 5,
};

/// The FlatBuffers file identifier of TFLite models, at bytes 4..7.
constexpr char kTfliteIdentifier[4] = {'T', 'F', 'L', '3'};
/// The only schema version we read (Model.version).
constexpr uint32_t kTfliteSchemaVersion = 3;

/// Field ids (slot order in each table's vtable; a union takes two: _type, value).
namespace field {
// Model
constexpr uint16_t kModelVersion = 0, kModelOperatorCodes = 1, kModelSubgraphs = 2,
                   kModelDescription = 3, kModelBuffers = 4, kModelMetadataBuffer = 5,
                   kModelMetadata = 6, kModelSignatureDefs = 7;
// OperatorCode
constexpr uint16_t kOpCodeDeprecatedBuiltin = 0, kOpCodeCustom = 1, kOpCodeVersion = 2,
                   kOpCodeBuiltin = 3;
// SubGraph
constexpr uint16_t kSubgraphTensors = 0, kSubgraphInputs = 1, kSubgraphOutputs = 2,
                   kSubgraphOperators = 3, kSubgraphName = 4;
// Tensor
constexpr uint16_t kTensorShape = 0, kTensorType = 1, kTensorBuffer = 2, kTensorName = 3,
                   kTensorQuantization = 4, kTensorIsVariable = 5, kTensorSparsity = 6;
// QuantizationParameters
constexpr uint16_t kQuantMin = 0, kQuantMax = 1, kQuantScale = 2, kQuantZeroPoint = 3,
                   kQuantDetailsType = 4, kQuantDetails = 5, kQuantDimension = 6;
// Operator
constexpr uint16_t kOperatorOpcodeIndex = 0, kOperatorInputs = 1, kOperatorOutputs = 2,
                   kOperatorOptionsType = 3, kOperatorOptions = 4, kOperatorCustomOptions = 5;
// Buffer
constexpr uint16_t kBufferData = 0, kBufferOffset = 1, kBufferSize = 2;
// Metadata
constexpr uint16_t kMetadataName = 0, kMetadataBuffer = 1;
// Conv2DOptions
constexpr uint16_t kConvPadding = 0, kConvStrideW = 1, kConvStrideH = 2, kConvActivation = 3,
                   kConvDilationW = 4, kConvDilationH = 5;
// DepthwiseConv2DOptions
constexpr uint16_t kDwPadding = 0, kDwStrideW = 1, kDwStrideH = 2, kDwDepthMultiplier = 3,
                   kDwActivation = 4, kDwDilationW = 5, kDwDilationH = 6;
// Pool2DOptions
constexpr uint16_t kPoolPadding = 0, kPoolStrideW = 1, kPoolStrideH = 2, kPoolFilterW = 3,
                   kPoolFilterH = 4, kPoolActivation = 5;
// FullyConnectedOptions
constexpr uint16_t kFcActivation = 0, kFcWeightsFormat = 1, kFcKeepNumDims = 2,
                   kFcAsymmetricQuantizeInputs = 3;
// SoftmaxOptions
constexpr uint16_t kSoftmaxBeta = 0;
// ConcatenationOptions
constexpr uint16_t kConcatAxis = 0, kConcatActivation = 1;
// AddOptions, MulOptions
constexpr uint16_t kAddActivation = 0, kAddPotScaleInt16 = 1, kMulActivation = 0;
// ReshapeOptions
constexpr uint16_t kReshapeNewShape = 0;
// ReducerOptions
constexpr uint16_t kReducerKeepDims = 0;
}  // namespace field

}  // namespace tinyrt
