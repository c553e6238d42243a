# Compiler flags for one Cortex-M core profile (firmware build only).
set(_cores cortex-m0plus cortex-m3 cortex-m4 cortex-m7 cortex-m33)
if(NOT TINYSIM_FIRMWARE_CORE IN_LIST _cores)
  message(FATAL_ERROR "TINYSIM_FIRMWARE_CORE=${TINYSIM_FIRMWARE_CORE}: expected one of ${_cores}")
endif()
set(_fpu_cortex-m0plus -mfloat-abi=soft)
set(_fpu_cortex-m3 -mfloat-abi=soft)
set(_fpu_cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard)
# The STM32F746 (DS10916) has a single-precision FPv5 FPU: double-precision code would fault there.
set(_fpu_cortex-m7 -mfpu=fpv5-sp-d16 -mfloat-abi=hard)
set(_fpu_cortex-m33 -mfpu=fpv5-sp-d16 -mfloat-abi=hard)
set(TINYSIM_CPU_FLAGS -mthumb -mcpu=${TINYSIM_FIRMWARE_CORE} ${_fpu_${TINYSIM_FIRMWARE_CORE}})
add_compile_options(${TINYSIM_CPU_FLAGS} -ffunction-sections -fdata-sections -ffreestanding
  "$<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions;-fno-rtti;-fno-threadsafe-statics;-fno-use-cxa-atexit>")
add_link_options(${TINYSIM_CPU_FLAGS} -nostartfiles --specs=nano.specs --specs=nosys.specs
  -Wl,--gc-sections -Wl,--no-warn-rwx-segments)
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE Release)
endif()
set(CMAKE_C_FLAGS_RELEASE "-O2 -g")
set(CMAKE_CXX_FLAGS_RELEASE "-O2 -g")

set(TINYSIM_LINKER_SCRIPT ${CMAKE_SOURCE_DIR}/runtime/startup/tinysim.ld)
# Link scripts INCLUDE sections.ld from here.
add_link_options(-L${CMAKE_SOURCE_DIR}/runtime/startup)

# Where finished ELFs go: <host build>/firmware/<core>/ (set by the host build).
if(NOT TINYSIM_FIRMWARE_OUT)
  set(TINYSIM_FIRMWARE_OUT ${CMAKE_BINARY_DIR}/out)
endif()

# Memory layouts every firmware is linked for: flash origin and SRAM origin, so one
# build per core runs on every device of that core (see docs/firmware-interface.md).
set(TINYSIM_LAYOUTS "00000000-20000000;08000000-20000000;10000000-20000000;00000000-10000000")

# tinysim_firmware(name LAYOUTS <l>... SOURCES ... LIBS ...): one ELF per layout, named
# <name>-<flash>-<ram>.elf in TINYSIM_FIRMWARE_OUT, linked with runtime/startup.
function(tinysim_firmware name)
  cmake_parse_arguments(FW "" "" "LAYOUTS;SOURCES;LIBS" ${ARGN})
  if(NOT FW_LAYOUTS)
    set(FW_LAYOUTS ${TINYSIM_LAYOUTS})
  endif()
  foreach(layout ${FW_LAYOUTS})
    string(REPLACE "-" ";" _parts ${layout})
    list(GET _parts 0 _flash)
    list(GET _parts 1 _ram)
    set(_t ${name}-${layout})
    add_executable(${_t} ${FW_SOURCES})
    target_link_libraries(${_t} PRIVATE ${FW_LIBS} tinysim_startup)
    target_link_options(${_t} PRIVATE
      -Wl,--defsym=__flash_origin=0x${_flash} -Wl,--defsym=__ram_origin=0x${_ram}
      -T${TINYSIM_LINKER_SCRIPT} -Wl,-Map=${TINYSIM_FIRMWARE_OUT}/${_t}.map)
    set_target_properties(${_t} PROPERTIES SUFFIX .elf
      RUNTIME_OUTPUT_DIRECTORY ${TINYSIM_FIRMWARE_OUT} LINK_DEPENDS ${TINYSIM_LINKER_SCRIPT})
  endforeach()
endfunction()

# Arm's reference boards built for this core: board -> link script and UART0 base
# (figures and sources in devices/<board>.yaml; docs/boards.md).
set(_boards_cortex-m0plus generic-m0plus)
set(_boards_cortex-m3 mps2-an385)
set(_boards_cortex-m4 mps2-an386)
set(_boards_cortex-m7 mps2-an500)
set(_boards_cortex-m33 mps2-an505)
set(_board_ld_generic-m0plus mps2.ld)
set(_board_ld_mps2-an385 mps2.ld)
set(_board_ld_mps2-an386 mps2.ld)
set(_board_ld_mps2-an500 mps2.ld)
set(_board_ld_mps2-an505 mps2-an505.ld)
set(_board_uart_mps2-an505 0x50200000)  # secure alias of UART0 (0x40200000)

# tinysim_board_firmware(name SOURCES ... LIBS ...): <name>-<board>.elf for each
# reference board of this core, with the board's start-up and link script, so the
# same ELF runs under QEMU (-M <board>) and `tinysim run --device <board>`.
function(tinysim_board_firmware name)
  cmake_parse_arguments(FW "" "" "SOURCES;LIBS" ${ARGN})
  foreach(board ${_boards_${TINYSIM_FIRMWARE_CORE}})
    set(_t ${name}-${board})
    set(_ld ${CMAKE_SOURCE_DIR}/runtime/startup/boards/${_board_ld_${board}})
    set(_uart ${_board_uart_${board}})
    if(NOT _uart)
      set(_uart 0x40004000)
    endif()
    add_executable(${_t} ${FW_SOURCES})
    target_link_libraries(${_t} PRIVATE ${FW_LIBS} tinysim_board_startup)
    target_compile_definitions(${_t} PRIVATE TINYSIM_BOARD_UART0=${_uart})
    target_link_options(${_t} PRIVATE -T${_ld} -Wl,-Map=${TINYSIM_FIRMWARE_OUT}/${_t}.map)
    set_target_properties(${_t} PROPERTIES SUFFIX .elf
      RUNTIME_OUTPUT_DIRECTORY ${TINYSIM_FIRMWARE_OUT} LINK_DEPENDS ${_ld})
  endforeach()
endfunction()
