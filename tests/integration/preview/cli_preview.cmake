# The real executable: passerelle --preview on a copy of the test content, with a config
# whose state directory, first pack, sync source and health file are all in WORK. The
# preview shows the content, says so on stderr, stops cleanly on Ctrl+C (SIGINT), and
# writes none of them (an editor's tool: no pack store, no usage counts, no sync, no
# health file), nor leaves its temporary pack behind. 15 s: time for a first build and load
# under AddressSanitizer on a busy machine.
# Arguments: -DKIOSK= -DCONTENT= -DPACK= -DWORK=
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/tmp ${WORK}/usb)
file(COPY ${CONTENT}/ DESTINATION ${WORK}/content)
file(WRITE ${WORK}/passerelle.conf
     "[sync]\nsources = ${WORK}/usb\n[storage]\nstate_directory = ${WORK}/state\nfirst_pack = ${PACK}\n"
     "[health]\ntextfile = ${WORK}/health.prom\n")

execute_process(COMMAND ${CMAKE_COMMAND} -E env TMPDIR=${WORK}/tmp XDG_RUNTIME_DIR=${WORK}/run QT_QPA_PLATFORM=offscreen
                        timeout --preserve-status -s INT 15 ${KIOSK} --preview ${WORK}/content --config ${WORK}/passerelle.conf
                        --route page/amu --size 1280x720
                RESULT_VARIABLE result ERROR_VARIABLE err)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "passerelle --preview did not stop cleanly on SIGINT (exit ${result}):\n${err}")
endif()
if(NOT err MATCHES "preview: [^\n]*/content built in [0-9]+ ms, loaded in [0-9]+ ms")
    message(FATAL_ERROR "passerelle --preview did not report its build:\n${err}")
endif()
foreach(path state health.prom)
    if(EXISTS ${WORK}/${path})
        message(FATAL_ERROR "passerelle --preview wrote ${WORK}/${path}")
    endif()
endforeach()
file(GLOB left ${WORK}/tmp/*)
if(left)
    message(FATAL_ERROR "passerelle --preview left its temporary files: ${left}")
endif()

# A folder that is not there: a clear message, at once.
execute_process(COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
                        ${KIOSK} --preview ${WORK}/nowhere --config ${WORK}/passerelle.conf
                RESULT_VARIABLE result ERROR_VARIABLE err)
if(result EQUAL 0 OR NOT err MATCHES "--preview: [^\n]*nowhere is not a folder")
    message(FATAL_ERROR "passerelle --preview on a missing folder (exit ${result}):\n${err}")
endif()
