# Toolchain file: Arm's bare-metal GCC from Debian's gcc-arm-none-eabi.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
find_program(TINYSIM_ARM_GXX arm-none-eabi-g++)
if(NOT TINYSIM_ARM_GXX)
  message(FATAL_ERROR "arm-none-eabi-g++ not found: install the Debian packages "
                      "gcc-arm-none-eabi and libnewlib-arm-none-eabi (scripts/setup does).")
endif()
get_filename_component(_arm_bin ${TINYSIM_ARM_GXX} DIRECTORY)
set(CMAKE_C_COMPILER ${_arm_bin}/arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER ${_arm_bin}/arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER ${_arm_bin}/arm-none-eabi-gcc)
set(CMAKE_OBJCOPY ${_arm_bin}/arm-none-eabi-objcopy CACHE FILEPATH "")
set(CMAKE_SIZE ${_arm_bin}/arm-none-eabi-size CACHE FILEPATH "")
# No OS to link a test program against while CMake probes the compiler.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
