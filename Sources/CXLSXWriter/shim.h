// libxlsxwriter (Debian: libxlsxwriter-dev), used by Projections for XLSX registers.
#include <xlsxwriter.h>
