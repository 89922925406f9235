# SPDX-License-Identifier: GPL-3.0-or-later
# FindCmarkGfm: cmark-gfm and its core extensions as one IMPORTED target, Frontmark::CmarkGfm.
# Debian ships no CMake package for cmark-gfm, only libcmark-gfm.pc (whose Libs line already
# names -lcmark-gfm-extensions); the extensions library and header are checked explicitly.
find_package(PkgConfig REQUIRED)
pkg_check_modules(PC_CMARK_GFM QUIET IMPORTED_TARGET libcmark-gfm)
find_path(CmarkGfm_INCLUDE_DIR cmark-gfm.h HINTS ${PC_CMARK_GFM_INCLUDE_DIRS})
find_path(CmarkGfm_EXTENSIONS_INCLUDE_DIR cmark-gfm-core-extensions.h HINTS ${PC_CMARK_GFM_INCLUDE_DIRS})
find_library(CmarkGfm_LIBRARY NAMES cmark-gfm HINTS ${PC_CMARK_GFM_LIBRARY_DIRS})
find_library(CmarkGfm_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions HINTS ${PC_CMARK_GFM_LIBRARY_DIRS})

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CmarkGfm
    REQUIRED_VARS CmarkGfm_LIBRARY CmarkGfm_EXTENSIONS_LIBRARY CmarkGfm_INCLUDE_DIR CmarkGfm_EXTENSIONS_INCLUDE_DIR
    VERSION_VAR PC_CMARK_GFM_VERSION)

if(CmarkGfm_FOUND AND NOT TARGET Frontmark::CmarkGfm)
    add_library(Frontmark::CmarkGfm INTERFACE IMPORTED)
    set_target_properties(Frontmark::CmarkGfm PROPERTIES
        INTERFACE_INCLUDE_DIRECTORIES "${CmarkGfm_INCLUDE_DIR};${CmarkGfm_EXTENSIONS_INCLUDE_DIR}"
        INTERFACE_LINK_LIBRARIES "${CmarkGfm_EXTENSIONS_LIBRARY};${CmarkGfm_LIBRARY}")
endif()
mark_as_advanced(CmarkGfm_INCLUDE_DIR CmarkGfm_EXTENSIONS_INCLUDE_DIR CmarkGfm_LIBRARY CmarkGfm_EXTENSIONS_LIBRARY)
