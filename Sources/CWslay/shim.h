#ifndef BSD_LEDGER_CWSLAY_SHIM_H
#define BSD_LEDGER_CWSLAY_SHIM_H
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>
#include <wslay/wslay.h>

// wslay's API has no variadic function; only its macros (wslay_is_ctrl_frame, the RSV bit
// helpers) are out of Swift's reach, and the HTTP module needs none of them.

#endif
