# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: one Debian 12 .deb with everything `cmake --install` puts under the prefix
# (`cpack -G DEB` in a Release tree; packaging/dev.sh package).

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME frontmark)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Frontmark")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Frontmark edits the posts of a Hugo site: the front matter as a form, the body in a Markdown
editor, and a live preview of what Hugo will publish. Saving changes only the bytes that were
edited; publishing checks the post and shows the exact diff first. The package also contains
frontmark-cli, which checks, renders and publishes posts from scripts.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # frontmark_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "The Frontmark developers <frontmark@example.org>")
set(CPACK_DEBIAN_PACKAGE_SECTION editors)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# No Homepage field: the project has no public home yet.
# dpkg-shlibdeps derives Depends from the ELF files (Qt, WebEngine, cmark-gfm, yaml-cpp, toml++);
# the explicit ones below are what the app loads at run time, which no ELF file names.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(FRONTMARK_BUILD_UI)
    # libqt6svg6: Qt's SVG icon engine and image plugin, for the window icon
    # (:/icons/org.frontmark.Frontmark.svg) and SVG thumbnails in the Images panel.
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
    # fonts-dejavu-core: a fixed-pitch face for code views; fonts-noto-cjk: CJK glyphs in the
    # editor and the preview; hunspell-en-us: the spell checker's default dictionary;
    # qt6-translations-l10n: Qt's own strings (standard buttons, file dialogs) in the translated
    # interface (qtbase_zh_TW.qm); qt6-image-formats-plugins: WebP and TIFF thumbnails;
    # qt6-wayland: a native window in Wayland sessions (else XWayland).
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
        "fonts-dejavu-core, fonts-noto-cjk, hunspell-en-us, qt6-translations-l10n, qt6-image-formats-plugins, qt6-wayland")
endif()

include(CPack)
