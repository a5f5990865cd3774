# Every string of some sources has a translation in every language: lupdate refreshes a
# copy of the .ts files, which must have no "unfinished" entry. (Translate with Qt
# Linguist after the update_translations target.) Used for the kiosk's UI strings and for
# the web copy's interface words.
#   -DTS_GLOB=<folder>/<prefix>_*.ts  the .ts files (10 languages)
#   -DSOURCES=<path>[,<path>...]     what lupdate reads
#   -DLUPDATE=... -DWORK=<scratch folder>
file(GLOB ts_files ${TS_GLOB})
list(LENGTH ts_files n)
if(n LESS 10)
    message(FATAL_ERROR "expected 10 languages in ${TS_GLOB}, found ${n}")
endif()
file(REMOVE_RECURSE ${WORK})
file(COPY ${ts_files} DESTINATION ${WORK})
get_filename_component(pattern ${TS_GLOB} NAME)
file(GLOB copies ${WORK}/${pattern})
string(REPLACE "," ";" sources "${SOURCES}")
execute_process(COMMAND ${LUPDATE} -no-obsolete ${sources} -ts ${copies}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0 OR output MATCHES "won't be updated")
    message(FATAL_ERROR "lupdate failed:\n${output}")
endif()
get_filename_component(folder ${TS_GLOB} DIRECTORY)
set(failures "")
foreach(ts IN LISTS copies)
    file(READ ${ts} text)
    string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${text}")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        get_filename_component(name ${ts} NAME)
        string(APPEND failures "${folder}/${name}: ${count} string(s) untranslated; run the update_translations target and translate them\n")
    endif()
endforeach()
if(failures)
    message(FATAL_ERROR "${failures}")
endif()
