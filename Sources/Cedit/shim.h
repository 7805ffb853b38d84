// libedit (Debian's libedit-dev): the chat's line editor. Only includes its headers, plus
// one-line wrappers for the calls that take variable arguments or name C's standard streams,
// which Swift cannot do itself.
#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

static inline EditLine *learnchat_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}
static inline int learnchat_el_prompt(EditLine *e, char *(*prompt)(EditLine *)) {
  return el_set(e, EL_PROMPT, prompt);
}
static inline int learnchat_el_editor_emacs(EditLine *e) { return el_set(e, EL_EDITOR, "emacs"); }
static inline int learnchat_el_unbuffered(EditLine *e, int on) {
  return el_set(e, EL_UNBUFFERED, on);
}
static inline int learnchat_el_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int learnchat_el_history(EditLine *e, History *h) {
  return el_set(e, EL_HIST, history, h);
}
// The chat's two editor functions. Added with the wide call and string literals: libedit keeps
// the pointers it is given for as long as the editor lives, whereas the narrow EL_ADDFN copies
// the name and help with wcsdup and never frees the copies (LeakSanitizer reports them).
static inline int learnchat_el_addfn_tab(EditLine *e, unsigned char (*f)(EditLine *, int)) {
  return el_wset(e, EL_ADDFN, L"learnchat-tab", L"Tab types a space", f);
}
static inline int learnchat_el_addfn_eof(EditLine *e, unsigned char (*f)(EditLine *, int)) {
  return el_wset(e, EL_ADDFN, L"learnchat-eof", L"Ctrl-D: delete, or end the input", f);
}
static inline int learnchat_el_bind(EditLine *e, const char *key, const char *name) {
  return el_set(e, EL_BIND, key, name, NULL);
}
static inline int learnchat_el_refresh(EditLine *e) { return el_set(e, EL_REFRESH); }
static inline int learnchat_el_getcfn(EditLine *e, int (*f)(EditLine *, wchar_t *)) {
  return el_set(e, EL_GETCFN, f);
}
static inline History *learnchat_history_new(int size) {
  HistEvent event;
  History *h = history_init();
  if (h) history(h, &event, H_SETSIZE, size);
  return h;
}
static inline void learnchat_history_add(History *h, const char *line) {
  HistEvent event;
  history(h, &event, H_ENTER, line);
}
