# A pack whose page refers to a pictogram that is not there: --self-test must fail and say so.
file(REMOVE_RECURSE ${WORK})
file(COPY ${PACK}/ DESTINATION ${WORK})
file(READ ${WORK}/manifest.json manifest)
# The pictogram "doctor" of the test pack is a 1-line SVG; remove every pictogram object
# but keep the database, so pages refer to pictograms that are missing.
string(JSON count LENGTH "${manifest}" objects)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
    string(JSON role GET "${manifest}" objects ${i} role)
    string(JSON hash GET "${manifest}" objects ${i} sha256)
    if(role STREQUAL "pictogram")
        file(REMOVE ${WORK}/objects/${hash})
    endif()
endforeach()
execute_process(COMMAND ${KIOSK} --pack ${WORK} --self-test
                RESULT_VARIABLE result ERROR_VARIABLE errors OUTPUT_VARIABLE output)
if(result EQUAL 0)
    message(FATAL_ERROR "self-test passed on a pack with missing pictograms:\n${errors}")
endif()
if(NOT errors MATCHES "missing pictogram \"[a-z-]+\"")
    message(FATAL_ERROR "self-test failed without naming the missing pictogram:\n${errors}")
endif()
message(STATUS "self-test failed as it should:\n${errors}")
