// Only includes cmark's header; learnchat's lessons layer parses Markdown with it.
#ifndef LEARNCHAT_CCMARK_SHIM_H
#define LEARNCHAT_CCMARK_SHIM_H
#include <cmark.h>
#endif
