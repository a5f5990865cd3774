# systemd-analyze verify on the kiosk's unit: exit 0 and not one warning (verify exits 0
# on unknown keys and bad values, it only prints them). It also checks that the
# ExecStart= program (cage) is there. Works without systemd as PID 1.
execute_process(COMMAND systemd-analyze verify --man=no ${UNIT}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
    message(FATAL_ERROR "systemd-analyze verify ${UNIT} (exit ${result}):\n${out}${err}")
endif()
message(STATUS "systemd-analyze verify: ${UNIT} is clean")
