# The kiosk's command line for operators: --hash-pin makes a hash that the config takes
# without a warning; a bad config value is reported at start with its file, line, key
# and reason, and the kiosk still starts (here: renders the staff screen).
# Arguments: -DKIOSK= -DPACK= -DWORK=
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

execute_process(COMMAND sh -c "echo 135790 | '${KIOSK}' --hash-pin"
                RESULT_VARIABLE result OUTPUT_VARIABLE hash_line ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT result EQUAL 0 OR NOT hash_line MATCHES "^pin_hash = \\$argon2id\\$v=19\\$m=[0-9]+,t=[0-9]+,p=1\\$")
    message(FATAL_ERROR "--hash-pin printed \"${hash_line}\" (exit ${result}) ${err}")
endif()
execute_process(COMMAND sh -c "echo 12 | '${KIOSK}' --hash-pin"
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(result EQUAL 0 OR NOT err MATCHES "6 to 12 digits")
    message(FATAL_ERROR "--hash-pin took a 2-digit PIN (exit ${result}): ${out}${err}")
endif()

file(WRITE ${WORK}/passerelle.conf "[kiosk]\nname = CLI test\n[display]\npx_per_mm = huge\n[staff]\n${hash_line}\n"
     "[storage]\nstate_directory = ${WORK}/state\n[health]\ntextfile =\n")
execute_process(COMMAND ${KIOSK} --config ${WORK}/passerelle.conf --pack ${PACK}
                        --screenshot ${WORK}/staff.png --route staff --size 1280x800
                RESULT_VARIABLE result ERROR_VARIABLE err)
if(NOT result EQUAL 0 OR NOT EXISTS ${WORK}/staff.png)
    message(FATAL_ERROR "the kiosk did not start with a bad config value (exit ${result}):\n${err}")
endif()
if(NOT err MATCHES "passerelle.conf:4: warning: \\[display\\] px_per_mm: \"huge\" is not a number[^\n]*using the default")
    message(FATAL_ERROR "the bad value was not reported with its line, key and reason:\n${err}")
endif()
if(err MATCHES "pin_hash")
    message(FATAL_ERROR "the hash made by --hash-pin was refused:\n${err}")
endif()
# Rendering writes nothing into the state directory.
if(EXISTS ${WORK}/state/running OR EXISTS ${WORK}/state/kiosk-state.sqlite)
    message(FATAL_ERROR "--screenshot wrote into the state directory")
endif()
