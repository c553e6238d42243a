#include "report/fit_report.h"

namespace tinysim {

void write_fit_json(JsonWriter& j, const ModelFit& f) {
  j.key("fit").begin_object().field("device", f.device).field("fits", f.fits());
  j.key("flash").begin_object().field("firmware", f.flash_firmware).field("model", f.flash_model);
  j.field("used", f.flash_used()).field("capacity", f.flash_capacity).end_object();
  j.key("ram").begin_object().field("static", f.ram_static).field("window", f.ram_window).field("arena", f.ram_arena);
  j.field("stack", f.ram_stack).field("used", f.ram_used()).field("capacity", f.ram_capacity).end_object().end_object();
}

void print_fit(std::ostream& out, const ModelFit& f) {
  out << "Fits " << f.device << ": " << (f.fits() ? "yes" : "NO") << "\n";
  out << "  flash " << format_size(f.flash_used()) << " of " << format_size(f.flash_capacity) << " (firmware "
      << format_size(f.flash_firmware) << ", model partition " << format_size(f.flash_model) << ")\n";
  out << "  RAM   " << format_size(f.ram_used()) << " of " << format_size(f.ram_capacity) << " (static "
      << format_size(f.ram_static);
  if (f.ram_window) out << ", window and features " << format_size(f.ram_window);
  out << ", tensor arena " << format_size(f.ram_arena) << ", stack " << format_size(f.ram_stack) << ")\n";
  if (!f.fits()) out << f.shortfall();
}

}  // namespace tinysim
