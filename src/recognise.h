/* Which standard table a sheet is, from its content (the title and the
 * header words), never from its file name. */
#ifndef YUSUAN_RECOGNISE_H
#define YUSUAN_RECOGNISE_H

#include "budget.h"
#include "sheet.h"

/* TK_NONE when the sheet is no table yusuan knows. */
enum table_kind recognise_sheet(const struct sheet *s);

#endif
