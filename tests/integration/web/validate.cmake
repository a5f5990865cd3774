# Exports the demo pack's web copy with the real command, then runs tidy over every page.
if(NOT TIDY OR NOT EXISTS "${TIDY}")
    message(FATAL_ERROR "tidy is not installed: run deploy/install-deps.sh (Debian package tidy)")
endif()

# Usage errors change nothing and say so.
execute_process(COMMAND ${TOOL} export-web ${PACK} ${OUT} --today 2026-02-30
                RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 2 OR NOT errors MATCHES "not a date")
    message(FATAL_ERROR "a bad --today must be a usage error (2), got ${result}:\n${errors}")
endif()

file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${TOOL} export-web ${PACK} ${OUT} --today 2026-11-30
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "export-web failed (${result}):\n${errors}")
endif()
message(STATUS "${output}")

file(GLOB_RECURSE pages RELATIVE ${OUT} ${OUT}/*.html)
list(LENGTH pages count)
# 43 page ids, 4 topics, 11 statuses + "unknown", 10 languages.
if(count LESS 1000)
    message(FATAL_ERROR "only ${count} pages in ${OUT}")
endif()
# tidy's exit code: 0 clean, 1 warnings, 2 errors. Anything but 0 fails.
execute_process(COMMAND ${TIDY} -errors -quiet --gnu-emacs yes ${pages}
                WORKING_DIRECTORY ${OUT} RESULT_VARIABLE result OUTPUT_VARIABLE report ERROR_VARIABLE report)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "tidy finds problems (exit ${result}):\n${report}")
endif()
message(STATUS "tidy: ${count} pages, no errors, no warnings")
