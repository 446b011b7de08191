// libqrencode (Debian: libqrencode-dev), used by Documents for the QR code of a BSD's
// readable id.
#include <qrencode.h>
