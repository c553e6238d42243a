# Cross-compiles the firmware (runtime/ and tests/firmware/) once per Cortex-M core
# profile, as sub-builds of this same source tree. ELFs land in
# <build>/firmware/<core>/, where the simulator finds them without any user path.
include(ExternalProject)
set(TINYSIM_FIRMWARE_CORES cortex-m0plus cortex-m3 cortex-m4 cortex-m7 cortex-m33
    CACHE STRING "Cortex-M core profiles to build the firmware for")
set(TINYSIM_FIRMWARE_DIR ${CMAKE_BINARY_DIR}/firmware)

find_program(TINYSIM_ARM_GXX arm-none-eabi-g++)
if(NOT TINYSIM_ARM_GXX)
  message(FATAL_ERROR "arm-none-eabi-g++ not found: install the Debian packages "
                      "gcc-arm-none-eabi and libnewlib-arm-none-eabi (scripts/setup does).")
endif()

add_custom_target(firmware ALL)
foreach(core ${TINYSIM_FIRMWARE_CORES})
  ExternalProject_Add(firmware-${core}
    SOURCE_DIR ${CMAKE_SOURCE_DIR}
    BINARY_DIR ${CMAKE_BINARY_DIR}/firmware-build/${core}
    CMAKE_ARGS
      -DCMAKE_TOOLCHAIN_FILE=${CMAKE_SOURCE_DIR}/cmake/arm-none-eabi.cmake
      -DCMAKE_BUILD_TYPE=Release
      -DTINYSIM_FIRMWARE_CORE=${core}
      -DTINYSIM_FIRMWARE_OUT=${TINYSIM_FIRMWARE_DIR}/${core}
      -DTINYSIM_WERROR=${TINYSIM_WERROR}
    BUILD_ALWAYS ON
    INSTALL_COMMAND ""
    USES_TERMINAL_BUILD ON)
  add_dependencies(firmware firmware-${core})
endforeach()
