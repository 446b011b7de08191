#ifndef BSD_LEDGER_CLMDB_SHIM_H
#define BSD_LEDGER_CLMDB_SHIM_H
#include <lmdb.h>
#endif
