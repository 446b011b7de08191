#ifndef BSD_LEDGER_CSODIUM_SHIM_H
#define BSD_LEDGER_CSODIUM_SHIM_H
#include <sodium.h>
#endif
