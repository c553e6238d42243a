#include "runner/model_session.h"

#include "runner/firmware_locator.h"

namespace tinysim {

Result<std::unique_ptr<ModelSession>> ModelSession::create(const Device& device, const std::vector<uint8_t>& model,
                                                           ModelSessionOptions options) {
  std::string path = options.firmware_path;
  if (path.empty()) {
    auto found = find_firmware(device);
    if (!found) return found.error();
    path = found.value();
  }
  auto elf = load_elf(path);
  if (!elf) return elf.error();
  auto partition = place_model(device, elf.value(), static_cast<uint32_t>(model.size()));
  if (!partition) return partition.error();
  auto machine = Machine::create(device, elf.value());
  if (!machine) return machine.error();

  std::unique_ptr<ModelSession> session(new ModelSession);
  session->partition_ = partition.value();
  session->machine_ = std::move(machine.value());
  if (!model.empty() && !session->machine_->write_memory(session->partition_.address, model.data(), model.size()))
    return make_error("could not write the model into flash at " + std::to_string(session->partition_.address));

  const std::optional<MemoryRegion> ram = device.main_ram();
  if (!ram) return make_error("device " + device.name + " has no SRAM", device.file);
  SystemSettings& system = options.block.system;
  system.ram_base = ram->origin;
  system.ram_size = ram->size;
  system.model_addr = model.empty() ? 0 : session->partition_.address;  // 0: no model (a firmware of its own)
  system.model_size = session->partition_.size;
  system.stack_size = options.stack_size;
  session->block_ = std::make_unique<TinySimBlock>(std::move(options.block));
  if (Status s = session->machine_->add_peripheral(*session->block_)) return *s;
  TinySimBlock* block = session->block_.get();
  session->machine_->on_power_change([block](uint64_t, PowerState state) {
    if (state != PowerState::Run) block->cpu_sleeps();
  });
  return session;
}

Result<RunResult> ModelSession::run(const RunLimits& limits) { return machine_->run(limits); }

}  // namespace tinysim
