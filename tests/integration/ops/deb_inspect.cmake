cmake_minimum_required(VERSION 3.24) # IN_LIST, in script mode too
# Builds the .deb from the already-built tree (cpack) and inspects it: its files, its
# declared dependencies (every QML module the UI imports must be in Depends, checked
# against which Debian package really ships that module), its maintainer scripts and
# conffiles. Arguments: -DBUILD_DIR= -DSOURCE_DIR= -DWORK=
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND cpack --config ${BUILD_DIR}/CPackConfig.cmake -B ${WORK}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cpack failed:\n${out}${err}")
endif()
file(GLOB debs ${WORK}/passerelle_*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one passerelle_*.deb in ${WORK}, found: ${debs}")
endif()
set(deb ${debs})
message(STATUS "built ${deb}")

function(fail what)
    message(FATAL_ERROR "${deb}: ${what}")
endfunction()

# Files
execute_process(COMMAND dpkg-deb -c ${deb} OUTPUT_VARIABLE listing RESULT_VARIABLE result)
foreach(path
        ./usr/bin/passerelle ./usr/bin/passerelle-pack ./usr/libexec/passerelle/passerelle-speak
        ./etc/passerelle/passerelle.conf ./etc/pam.d/passerelle
        ./lib/systemd/system/passerelle.service ./usr/lib/sysusers.d/passerelle.conf
        ./usr/share/doc/passerelle/README.md
        ./usr/share/passerelle/packs/demo/manifest.json ./usr/share/passerelle/packs/demo/objects/)
    string(FIND "${listing}" " ${path}\n" at)
    if(at EQUAL -1)
        fail("does not contain ${path}")
    endif()
endforeach()
foreach(forbidden "/include/" "\\.a\n" "/tst_" "CMakeFiles")
    if(listing MATCHES "${forbidden}")
        fail("contains build leftovers matching ${forbidden}")
    endif()
endforeach()
if(EXISTS ${BUILD_DIR}/kiosk/sync/passerelle-sync AND NOT listing MATCHES " ./usr/bin/passerelle-sync\n")
    fail("does not contain passerelle-sync, which this tree built")
endif()
# The kiosk's user (not root) must be able to read the first pack.
if(NOT listing MATCHES "drwxr-xr-x root/root +0 [^\n]* ./usr/share/passerelle/packs/demo/\n")
    fail("./usr/share/passerelle/packs/demo/ is not world-readable")
endif()
if(listing MATCHES "-rw------- [^\n]*packs/demo")
    fail("a file of the demo pack is not world-readable")
endif()
# The demo pack has its database and pictograms.
string(REGEX MATCHALL "packs/demo/objects/[0-9a-f]+\n" objects "${listing}")
list(LENGTH objects object_count)
if(object_count LESS 50)
    fail("the demo pack has only ${object_count} objects")
endif()

# Depends: what dpkg-shlibdeps found, and what it cannot find.
execute_process(COMMAND dpkg-deb -f ${deb} Depends OUTPUT_VARIABLE depends OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "Depends: ${depends}")
string(REGEX REPLACE " *\\([^)]*\\)" "" names "${depends}")
string(REPLACE ", " ";" names "${names}")
foreach(package libqt6quick6 libqt6core6 libsodium23 libsqlite3-0
        qt6-qpa-plugins qt6-wayland libqt6svg6 gstreamer1.0-plugins-base gstreamer1.0-plugins-good
        fonts-noto-core cage xwayland libpam-systemd qt6-virtualkeyboard-plugin
        qml6-module-qtquick-layouts qml6-module-qt-labs-folderlistmodel qml6-module-qtmultimedia)
    if(NOT package IN_LIST names)
        fail("Depends lacks ${package}")
    endif()
endforeach()
# Every Qt QML module imported by the UI, mapped to the package that ships its qmldir.
execute_process(COMMAND qtpaths6 --query QT_INSTALL_QML OUTPUT_VARIABLE qml_root OUTPUT_STRIP_TRAILING_WHITESPACE)
file(GLOB_RECURSE qml_files ${SOURCE_DIR}/qml/*.qml) # every file, listed in CMake or not
set(modules QtQml) # every QML engine loads it
foreach(f IN LISTS qml_files)
    file(STRINGS ${f} imports REGEX "^import Qt[A-Za-z.]*")
    foreach(line IN LISTS imports)
        string(REGEX REPLACE "^import (Qt[A-Za-z.]*).*" "\\1" module "${line}")
        list(APPEND modules ${module})
    endforeach()
endforeach()
list(REMOVE_DUPLICATES modules)
foreach(module IN LISTS modules)
    string(REPLACE "." "/" dir "${module}")
    execute_process(COMMAND dpkg -S ${qml_root}/${dir}/qmldir OUTPUT_VARIABLE owner RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        fail("cannot tell which package ships the QML module ${module} (${qml_root}/${dir}/qmldir)")
    endif()
    string(REGEX REPLACE ":.*" "" owner "${owner}")
    if(NOT owner IN_LIST names)
        fail("the UI imports ${module}, shipped by ${owner}, which Depends lacks")
    endif()
    message(STATUS "QML ${module}: ${owner}")
endforeach()

# Maintainer scripts and conffiles.
execute_process(COMMAND dpkg-deb -e ${deb} ${WORK}/control RESULT_VARIABLE result)
foreach(script postinst prerm postrm)
    if(NOT EXISTS ${WORK}/control/${script})
        fail("has no ${script}")
    endif()
    file(STRINGS ${WORK}/control/${script} shebang LIMIT_COUNT 1)
    if(NOT shebang STREQUAL "#!/bin/sh")
        fail("${script} does not start with #!/bin/sh")
    endif()
    execute_process(COMMAND sh -n ${WORK}/control/${script} RESULT_VARIABLE result ERROR_VARIABLE err)
    if(NOT result EQUAL 0)
        fail("${script} is not valid sh: ${err}")
    endif()
    execute_process(COMMAND test -x ${WORK}/control/${script} RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        fail("${script} is not executable")
    endif()
endforeach()
file(READ ${WORK}/control/postinst postinst)
foreach(needle "systemd-sysusers" "/var/lib/passerelle")
    string(FIND "${postinst}" "${needle}" at)
    if(at EQUAL -1)
        fail("postinst does not mention ${needle}")
    endif()
endforeach()
file(STRINGS ${WORK}/control/conffiles conffiles)
if(NOT conffiles STREQUAL "/etc/passerelle/passerelle.conf;/etc/pam.d/passerelle")
    fail("conffiles is \"${conffiles}\"")
endif()
message(STATUS "the .deb is complete: ${deb}")
