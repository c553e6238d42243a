#include "machine/machine.h"

#include <cstdio>

#include "elf/memory_fit.h"

namespace tinysim {
namespace {

std::string hex32(uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08x", value);
  return text;
}

unsigned priority_bits(CoreKind core) { return core == CoreKind::CortexM0Plus ? 2 : 4; }

}  // namespace

Machine::Machine(const Device& device, const ElfImage& firmware, const MemoryUsage& usage,
                 const DeviceTiming& timing)
    : device_(device),
      firmware_(firmware),
      usage_(usage),
      timing_(timing),
      model_(device.core, timing.core),
      nvic_(priority_bits(device.core)),
      scs_(device.core, nvic_, device.boot_address()),
      stack_(usage.ram_end_of_data, static_cast<uint32_t>(device.main_ram()->end())),
      has_fpu_(core_has_dsp(device.core)) {}

Machine::~Machine() = default;

Result<std::unique_ptr<Machine>> Machine::create(const Device& device, const ElfImage& firmware) {
  auto usage = fit_to_device(firmware, device);
  if (!usage) return usage.error();
  auto timing = device_timing(device);
  if (!timing) return timing.error();
  std::unique_ptr<Machine> machine(new Machine(device, firmware, *usage, *timing));
  machine->flash_.configure(timing->flash, device.flash()->origin, device.flash()->size);
  if (auto error = machine->engine_.open(device.core)) return *error;
  if (auto error = machine->map_memory()) return *error;
  if (auto error = machine->load_firmware()) return *error;
  if (auto error = machine->install_hooks()) return *error;
  machine->scs_.on_change([m = machine.get()] { m->reschedule(); });
  machine->scs_.on_ipsr([m = machine.get()] { return m->engine_.reg(UC_ARM_REG_IPSR); });
  if (auto error = machine->add_peripheral(machine->scs_)) return *error;
  if (auto error = machine->add_peripheral(machine->dwt_)) return *error;
  return machine;
}

Status Machine::map_memory() {
  for (const auto& region : device_.memory) {
    const uint32_t perms = region.kind == MemoryKind::Flash ? (UC_PROT_READ | UC_PROT_EXEC) : UC_PROT_ALL;
    if (auto error = engine_.map(region.origin, region.size, perms,
                                 region.name + " of " + device_.name + " at " + hex32(region.origin)))
      return error;
    model_.add_code_region(region.origin, region.size);
  }
  for (const auto& alias : device_.aliases) {
    const MemoryRegion* target = device_.region_named(alias.target);
    if (!target) return Error{"alias '" + alias.name + "' of unknown region '" + alias.target + "'", device_.file, 0, 0, "aliases"};
    const uint32_t perms = target->kind == MemoryKind::Flash ? (UC_PROT_READ | UC_PROT_EXEC) : UC_PROT_ALL;
    if (auto error = engine_.map_alias(alias.origin, target->origin, alias.size, perms,
                                       alias.name + " of " + device_.name + " at " + hex32(alias.origin)))
      return error;
    model_.add_code_region(alias.origin, alias.size);
    // Code and data read through a flash alias pay the same wait states as through the flash.
    if (target == device_.flash() && target->kind == MemoryKind::Flash) flash_.add_alias(alias.origin, alias.size);
  }
  return std::nullopt;
}

Status Machine::load_firmware() {
  for (const auto& seg : firmware_.segments) {
    if (seg.bytes.empty()) continue;
    if (auto error = engine_.write(seg.load_address, seg.bytes.data(), seg.bytes.size(),
                                   "segment " + std::to_string(seg.index) + " (" + seg.sections + ")"))
      return error;
  }
  return std::nullopt;
}

Status Machine::add_peripheral(Peripheral& peripheral) {
  mapped_.push_back(std::make_unique<Mapped>(Mapped{this, &peripheral}));
  if (auto error = engine_.map_mmio(peripheral.base(), peripheral.size(), on_mmio_read, on_mmio_write,
                                    mapped_.back().get(), peripheral.name() + " at " + hex32(peripheral.base())))
    return error;
  peripherals_.push_back(&peripheral);
  peripheral.attach(*this);
  return std::nullopt;
}

Status Machine::reset() {
  const uint32_t table = scs_.vtor();
  uint32_t vectors[2] = {0, 0};
  if (auto error = engine_.read(table, vectors, sizeof vectors, "vector table")) return error;
  if (auto error = stack_.paint(engine_)) return error;
  engine_.set_reg(UC_ARM_REG_SP, vectors[0]);
  engine_.set_reg(UC_ARM_REG_PC, vectors[1] | 1u);
  cycles_ = 0;
  instructions_ = 0;
  flash_.reset();
  power_.assign(1, PowerChange{0, PowerState::Run});
  uint32_t in_region = 0;
  if (!(vectors[1] & 1u) || !code_at(vectors[1] & ~1u))
    fault_at(FaultKind::HardFault,
             "the reset vector at " + hex32(table + 4) + " is " + hex32(vectors[1]) +
                 ", not a Thumb address (bit 0 set) inside the memory of " + device_.name +
                 "; is the vector table at the start of flash?",
             vectors[1], true);
  else if (!device_.region_or_alias_at(vectors[0] - 4u, 4, in_region))
    fault_at(FaultKind::HardFault,
             "the initial stack pointer at " + hex32(table) + " is " + hex32(vectors[0]) +
                 ", outside the SRAM of " + device_.name + "; was the firmware linked for another device?",
             vectors[1] & ~1u, true);
  return std::nullopt;
}

const BlockCost& Machine::decode_block(uint32_t address, uint16_t bytes) {
  uint8_t code[1024];
  const uint16_t count = bytes < sizeof code ? bytes : static_cast<uint16_t>(sizeof code);
  if (engine_.read(address, code, count, "code")) return model_.decode(address, code, 0);
  return model_.decode(address, code, count);
}

bool Machine::is_memory(uint32_t address, size_t bytes) const {
  uint32_t in_region = 0;  // may run across adjacent SRAM banks, or be an alias
  return device_.holds(address, bytes) || device_.region_or_alias_at(address, bytes, in_region);
}

bool Machine::read_memory(uint32_t address, void* out, size_t bytes) {
  if (!is_memory(address, bytes)) return false;
  return !engine_.read(address, out, bytes, "memory");
}

bool Machine::write_memory(uint32_t address, const void* in, size_t bytes) {
  if (!is_memory(address, bytes)) return false;
  return !engine_.write(address, in, bytes, "memory");
}

void Machine::raise_irq(unsigned irq) {
  nvic_.set_pending(kFirstIrq + irq, true);
  reschedule();
}

void Machine::request_stop() {
  stop_requested_ = true;
  reschedule();
}

uint64_t Machine::on_mmio_read(uc_engine*, uint64_t offset, unsigned size, void* mapped) {
  auto* m = static_cast<Mapped*>(mapped);
  return m->peripheral->read(static_cast<uint32_t>(offset), size);
}

void Machine::on_mmio_write(uc_engine*, uint64_t offset, unsigned size, uint64_t value, void* mapped) {
  auto* m = static_cast<Mapped*>(mapped);
  m->peripheral->write(static_cast<uint32_t>(offset), size, static_cast<uint32_t>(value));
}

}  // namespace tinysim
