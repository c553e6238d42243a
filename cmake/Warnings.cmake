# tinysim_warnings(target): the project's warning set on our own code only.
function(tinysim_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wconversion -Wno-sign-conversion)
  if(TINYSIM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
