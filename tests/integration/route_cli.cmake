# --route takes every kind of route, service/<id> included, and refuses, naming it, a
# malformed route or one the pack lacks (exit 2) instead of showing home.
file(REMOVE ${OUT})
execute_process(COMMAND ${KIOSK} --pack ${PACK} --screenshot ${OUT} --route service/cpas-test --size 1280x720
                RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0 OR NOT EXISTS ${OUT})
    message(FATAL_ERROR "service/cpas-test: no screenshot:\n${errors}")
endif()
file(SIZE ${OUT} size)
if(size LESS 10000)
    message(FATAL_ERROR "service/cpas-test: the screenshot looks empty (${size} bytes)")
endif()

foreach(case "service/nope|the pack has no service nope" "page/amu-steps|the pack has no page amu-steps"
             "topic/housing|the pack has no topic housing" "page|is not a route" "page/../x|is not a route")
    string(REPLACE "|" ";" case "${case}")
    list(GET case 0 route)
    list(GET case 1 expected)
    file(REMOVE ${OUT})
    execute_process(COMMAND ${KIOSK} --pack ${PACK} --screenshot ${OUT} --route ${route} --size 1280x720
                    RESULT_VARIABLE result ERROR_VARIABLE errors)
    if(NOT result EQUAL 2 OR EXISTS ${OUT})
        message(FATAL_ERROR "--route ${route}: expected a refusal (exit 2, no screenshot), got ${result}:\n${errors}")
    endif()
    string(FIND "${errors}" "${expected}" at)
    if(at LESS 0)
        message(FATAL_ERROR "--route ${route}: the error does not say \"${expected}\":\n${errors}")
    endif()
endforeach()
