# deepart_warnings(<target>): the project's warning set, applied to our own targets only so that
# third-party headers (LibTorch, Qt, OpenCV) are not held to it.
function(deepart_warnings target)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local
                                                  -Wnon-virtual-dtor)
    elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang") # the fuzz preset; no -Wshadow=local there
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wnon-virtual-dtor)
    elseif(MSVC)
        target_compile_options(${target} PRIVATE /W4)
    endif()
endfunction()
