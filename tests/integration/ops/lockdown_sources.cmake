# Lockdown, in the sources: nothing in the kiosk or its QML may open a browser, a file
# dialog or another program. Arguments: -DSOURCE_DIR=
file(GLOB_RECURSE files ${SOURCE_DIR}/kiosk/app/*.cpp ${SOURCE_DIR}/kiosk/app/*.h
                        ${SOURCE_DIR}/kiosk/core/*.cpp ${SOURCE_DIR}/kiosk/core/*.h
                        ${SOURCE_DIR}/kiosk/i18n/*.cpp ${SOURCE_DIR}/qml/*.qml)
set(forbidden "openUrlExternally" "QDesktopServices" "FileDialog" "QtQuick.Dialogs" "QFileDialog"
              "QProcess" "Qt.quit" "Qt.exit")
set(found "")
foreach(f IN LISTS files)
    file(READ ${f} text)
    foreach(word IN LISTS forbidden)
        string(FIND "${text}" "${word}" at)
        if(NOT at EQUAL -1)
            string(APPEND found "${f}: ${word}\n")
        endif()
    endforeach()
endforeach()
if(found)
    message(FATAL_ERROR "the kiosk must not open anything else:\n${found}")
endif()
