#pragma once
// `wav: file.wav`: a recorded audio stream (16-bit PCM, the sensor's rate and channel
// count), with optional ground truth from `labels: file.csv`: rows `start,end,label` in
// seconds (a `start,end,label` header, blank lines and '#' comments allowed); a frame at
// time t carries the label of the row with start <= t < end, rows in time order without
// overlap; frames outside every row are unlabelled.
#include <memory>
#include <string>

#include "sensors/generated_source.h"
#include "sensors/source_factory.h"

namespace tinysim {

/// Labels `source`'s frames from the label file's text; `file` names it in errors.
Status apply_label_rows(const std::string& text, const std::string& file, GeneratedSource& source);

Result<std::shared_ptr<const SensorSource>> make_wav_source(const YamlFields& fields, const SourceContext& context);

}  // namespace tinysim
