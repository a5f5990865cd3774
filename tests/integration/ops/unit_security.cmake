# systemd-analyze security on the kiosk's unit file, offline (no systemd as PID 1 needed,
# the file is read as it is shipped): the overall exposure must be at most MAX (issue 15:
# 3.0). A hardening option removed from passerelle.service raises the score past it.
# The file must also still pass systemd-analyze verify (a misspelt or unsupported
# hardening key would only be a warning there, which units_verify.cmake counts as a failure).
# Arguments: -DUNIT= -DMAX= (e.g. 3.0)
execute_process(COMMAND systemd-analyze security --offline=yes --no-pager ${UNIT}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
# The exit status is 0 whatever the score (unless --threshold is given, which systemd 252
# has but whose 0-100 scale is not the one printed): read the printed level.
string(REGEX MATCH "Overall exposure level for [^:]+: ([0-9]+)\\.([0-9])" line "${out}")
if(NOT result EQUAL 0 OR line STREQUAL "")
    message(FATAL_ERROR "systemd-analyze security --offline=yes ${UNIT} (exit ${result}) printed no "
                        "\"Overall exposure level\" line; it needs systemd 252 or later:\n${out}${err}")
endif()
math(EXPR tenths "${CMAKE_MATCH_1} * 10 + ${CMAKE_MATCH_2}")
string(REGEX MATCH "([0-9]+)\\.([0-9])" max_line "${MAX}")
math(EXPR max_tenths "${CMAKE_MATCH_1} * 10 + ${CMAKE_MATCH_2}")
if(tenths GREATER max_tenths)
    string(REGEX MATCHALL "✗[^\n]*" exposed "${out}")
    list(JOIN exposed "\n" exposed)
    message(FATAL_ERROR "${line}: more than ${MAX}. Restore the hardening in ${UNIT}, or explain in "
                        "it why an option must go and lower another exposure. What is exposed:\n${exposed}")
endif()
message(STATUS "${line} (at most ${MAX})")

execute_process(COMMAND systemd-analyze verify --man=no ${UNIT}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
    message(FATAL_ERROR "systemd-analyze verify ${UNIT} (exit ${result}):\n${out}${err}")
endif()
message(STATUS "systemd-analyze verify: ${UNIT} is clean")
