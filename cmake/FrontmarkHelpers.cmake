# SPDX-License-Identifier: GPL-3.0-or-later
# Shared build settings: warnings, sanitizers and the test helper (docs/architecture.md, "Build").

if(FRONTMARK_FUZZ)
    # Everything is instrumented for coverage; only the fuzz target links libFuzzer's main.
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
elseif(FRONTMARK_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# Every project target gets the same strict warnings and Qt's string-safety macros.
function(frontmark_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
        -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference -Wformat=2
        -Wimplicit-fallthrough -Wno-missing-field-initializers)
    if(FRONTMARK_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER QT_NO_FOREACH)
endfunction()

# frontmark_add_test(name [GUI] [LABELS l…] SOURCES s… LIBS l…)
# One executable per unit; GUI tests run with the offscreen platform unless the caller's
# environment picks another (xvfb-run sets DISPLAY; see docs/testing.md).
function(frontmark_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS;ARGS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    frontmark_set_warnings(${name})
    target_compile_definitions(${name} PRIVATE
        FRONTMARK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        FRONTMARK_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
    add_test(NAME ${name} COMMAND ${name} ${ARG_ARGS})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
    if(NOT ARG_LABELS)
        set(ARG_LABELS unit)
        if(ARG_GUI)
            set(ARG_LABELS gui)
        endif()
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    if(ARG_GUI)
        set_tests_properties(${name} PROPERTIES ENVIRONMENT_MODIFICATION
            "QTWEBENGINE_DISABLE_SANDBOX=set:1;QTWEBENGINE_CHROMIUM_FLAGS=set:--disable-gpu")
    endif()
endfunction()
