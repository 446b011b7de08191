#ifndef BSD_LEDGER_CCRYPTO_SHIM_H
#define BSD_LEDGER_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <stddef.h>
#endif
