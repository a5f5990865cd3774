# The passerelle .deb: the binaries, the demo pack as the first pack, the systemd unit,
# the PAM service, the sysusers file, the documented default config.
#   cmake --build build && (cd build && cpack)     ->  build/passerelle_<version>_<arch>.deb
# Included from the top CMakeLists.txt after qml/, whose QML file list it reads.
include(GNUInstallDirs)

set(PASSERELLE_DEPLOY_DIR ${CMAKE_CURRENT_LIST_DIR})

install(TARGETS passerelle passerelle-pack RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# passerelle-pack's speech server, which people do not run: found by passerelle-pack in
# ../libexec/passerelle from its own folder.
install(TARGETS passerelle-speak RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/passerelle)
# The sync tool, once kiosk/sync builds it.
if(TARGET passerelle-sync)
    install(TARGETS passerelle-sync RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# The package installs under /usr (CPACK_PACKAGING_INSTALL_PREFIX); its configuration goes
# to /etc whatever the build's CMAKE_INSTALL_PREFIX, hence absolute destinations.
install(FILES ${PASSERELLE_DEPLOY_DIR}/passerelle.conf DESTINATION /etc/passerelle)
install(FILES ${PASSERELLE_DEPLOY_DIR}/systemd/passerelle.pam DESTINATION /etc/pam.d RENAME passerelle)
# Debian 12 packages put units in /lib/systemd/system (the /usr merge comes later).
install(FILES ${PASSERELLE_DEPLOY_DIR}/systemd/passerelle.service DESTINATION /lib/systemd/system)
install(FILES ${PASSERELLE_DEPLOY_DIR}/systemd/passerelle.sysusers
        DESTINATION lib/sysusers.d RENAME passerelle.conf)
install(FILES ${PASSERELLE_DEPLOY_DIR}/README.md ${PASSERELLE_DEPLOY_DIR}/passerelle.conf
        DESTINATION share/doc/passerelle)

# The demo pack, compiled from content/ by the passerelle-pack just built (its speech
# cache is the checkout's, shared with the tests, and stays out of the package), when the
# package is made (so no pack is committed and the package's pack matches its kiosk).
install(CODE "
    set(out \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/share/passerelle/packs/demo\")
    message(STATUS \"Building the demo pack: \${out}\")
    file(REMOVE_RECURSE \"\${out}\")
    execute_process(COMMAND \"$<TARGET_FILE:passerelle-pack>\" build \"${PROJECT_SOURCE_DIR}/content\" \"\${out}\"
                            --audio-cache \"${PROJECT_SOURCE_DIR}/.cache/passerelle-audio\"
                    RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR \"passerelle-pack build failed:\\n\${errors}\")
    endif()
    # Readable by the kiosk's user, whatever umask the pack tool ran with.
    file(CHMOD_RECURSE \"\${out}\" FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
         DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
    file(CHMOD \"\${out}\" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
         WORLD_READ WORLD_EXECUTE)
")

# Run-time packages that dpkg-shlibdeps cannot see, because Qt loads them as plugins:
# the QML modules the UI imports (derived from the imports of qml/, below) and those the
# virtual keyboard imports, the
# platform plugins (Wayland under cage; xcb/offscreen for maintenance), the SVG image
# plugin for pictograms, the GStreamer plugins behind Qt Multimedia (Ogg/Opus speech,
# ALSA/Pulse output), the fonts, the compositor (Debian's cage refuses to start without
# Xwayland, which it only recommends) and the logind session it needs.
# Checked against what the kiosk really loads (tests/integration/ops/deb_runtime_depends.sh)
# and by installing the package on a pristine Debian 12 (deb_pristine.sh).
set(passerelle_qml_modules qml6-module-qtqml qml6-module-qtqml-workerscript)
foreach(file IN LISTS PASSERELLE_QML_FILES)
    file(STRINGS ${PROJECT_SOURCE_DIR}/qml/${file} imports REGEX "^import Qt[A-Za-z.]*")
    foreach(line IN LISTS imports)
        string(REGEX REPLACE "^import (Qt[A-Za-z.]*).*" "\\1" module "${line}")
        # QtQuick.Templates -> qml6-module-qtquick-templates (Debian's naming).
        string(TOLOWER "${module}" module)
        string(REPLACE "." "-" module "${module}")
        list(APPEND passerelle_qml_modules "qml6-module-${module}")
    endforeach()
endforeach()
list(REMOVE_DUPLICATES passerelle_qml_modules)
list(SORT passerelle_qml_modules)
set(passerelle_runtime_packages
    ${passerelle_qml_modules}
    # QML modules the virtual keyboard's own QML imports (its qmldir "depends" on them),
    # which no Debian package of it depends on: without them the kiosk does not start
    # ("module QtQuick.Layouts is not installed", issue 15).
    qml6-module-qtquick-layouts qml6-module-qt-labs-folderlistmodel
    # ... and QtMultimedia, for its key sounds (Components/MultiSoundEffect.qml), loaded
    # at the first key press only, so the self-test's trace does not show it.
    qml6-module-qtmultimedia
    qt6-qpa-plugins qt6-wayland libqt6svg6
    # Image formats beyond Qt's own (WebP, TIFF, ...): Qt loads every one installed when
    # it reads an image, so the kiosk reads the same images here as on the machine that
    # built and checked the pack.
    qt6-image-formats-plugins
    # main.cpp sets QT_IM_MODULE=qtvirtualkeyboard: its input context plugin
    qt6-virtualkeyboard-plugin
    gstreamer1.0-plugins-base gstreamer1.0-plugins-good
    fonts-noto-core
    cage xwayland libpam-systemd systemd)
list(JOIN passerelle_runtime_packages ", " PASSERELLE_DEB_DEPENDS)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME passerelle)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Passerelle engineers <dev@passerelle.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline-first information kiosk for newcomers")
set(CPACK_PACKAGE_DESCRIPTION
    "Passerelle shows newcomers, in their own language and with pictograms and audio,\n\
what applies to them on urgent medical aid, housing, family reunification and the\n\
right to work. It runs full screen under the cage Wayland compositor, from signed\n\
content packs, and keeps itself alive under systemd.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${PASSERELLE_DEB_DEPENDS}")
# Not Recommends: apt would pull node-exporter and its collectors (ipmitool, smartmontools...)
# onto every kiosk; the README says how to add it where a fleet is monitored.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "prometheus-node-exporter, acl")
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
configure_file(${PASSERELLE_DEPLOY_DIR}/debian/conffiles.in ${CMAKE_BINARY_DIR}/deb-control/conffiles COPYONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_BINARY_DIR}/deb-control/conffiles
    ${PASSERELLE_DEPLOY_DIR}/debian/postinst
    ${PASSERELLE_DEPLOY_DIR}/debian/prerm
    ${PASSERELLE_DEPLOY_DIR}/debian/postrm)
# Only what install() lists: no test, no static library.
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};${PROJECT_NAME};ALL;/")
include(CPack)
