// libharu (Debian: libhpdf-dev), used by Documents to draw BSD PDFs. Debian ships no
// pkg-config file for it: the headers are in /usr/include and the library is libhpdf.
#include <hpdf.h>
