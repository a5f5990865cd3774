# --screenshot writes a PNG of the requested size for a route and a language.
file(REMOVE ${OUT})
execute_process(COMMAND ${KIOSK} --pack ${PACK} --screenshot ${OUT} --route page/amu --lang ar --size 1280x720
                RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0 OR NOT EXISTS ${OUT})
    message(FATAL_ERROR "no screenshot:\n${errors}")
endif()
file(READ ${OUT} header LIMIT 24 HEX)
# PNG signature, then the IHDR chunk: width 1280 (0x500) and height 720 (0x2d0).
if(NOT header MATCHES "^89504e470d0a1a0a0000000d4948445200000500000002d0")
    message(FATAL_ERROR "not a 1280x720 PNG: ${header}")
endif()
# A rendered screen is not a blank one: a real page compresses to more than a few KB.
file(SIZE ${OUT} size)
if(size LESS 10000)
    message(FATAL_ERROR "the screenshot looks empty (${size} bytes)")
endif()
