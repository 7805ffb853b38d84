extension HTMLPage {
  /// The page's only script, inline and constant (no value of the run is ever put in it), so
  /// its hash can go in the page's content security policy.
  ///
  /// - Keys, as in the terminal stepper: Right or `n` next stage, Left or `p` previous, `g`
  ///   opens the "go to stage" form (a number or a name; Enter goes, Esc cancels). They work
  ///   over whatever stage sections the page has, and never while typing in a field or with
  ///   Ctrl, Alt or Meta held. Moving scrolls the section into view, focuses it, and puts its
  ///   id in the URL.
  /// - Hovering or focusing a field's bytes or its table row highlights both, within one
  ///   figure: the bytes of both layouts and the row.
  static let script = #"""
    (function () {
      "use strict";
      var sections = Array.prototype.slice.call(document.querySelectorAll("section.stage"));
      var bar = document.querySelector("aside.keys");
      var form = document.querySelector("form.goto");
      var input = document.getElementById("goto-stage");
      var message = document.querySelector(".goto-message");
      var links = document.querySelectorAll("nav.stages a");
      var returnFocus = null;
      if (bar) bar.hidden = false;

      function typing(target) {
        if (!target || !target.tagName) return false;
        return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      }

      function visible(element) {
        var box = element.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      }

      // The stage being read: the focused one while it is on screen (a short stage and the
      // next can both be near the top), else the last one whose top is in the upper part of
      // the window; -1 above the first.
      function current() {
        var focused = document.activeElement && document.activeElement.closest
          ? document.activeElement.closest("section.stage") : null;
        var index = sections.indexOf(focused);
        if (index >= 0 && visible(focused)) return index;
        var line = window.innerHeight * 0.4;
        index = -1;
        sections.forEach(function (section, k) {
          if (section.getBoundingClientRect().top <= line) index = k;
        });
        return index;
      }

      function mark(index) {
        var id = index >= 0 ? sections[index].id : null;
        Array.prototype.forEach.call(links, function (link) {
          if (link.getAttribute("href") === "#" + id) link.setAttribute("aria-current", "step");
          else link.removeAttribute("aria-current");
        });
      }

      function go(index) {
        var section = sections[index];
        if (!section) return;
        section.scrollIntoView({ block: "start" });
        section.focus({ preventScroll: true });
        try {
          history.replaceState(null, "", "#" + section.id);
        } catch (error) {
          location.hash = section.id;
        }
        mark(index);
      }

      // A number is the stage's number in the lesson; a name matches an id exactly, then the
      // start of an id, then part of a title.
      function find(text) {
        var query = text.trim().toLowerCase();
        if (!query) return -1;
        var tests = /^[0-9]+$/.test(query)
          ? [function (s) { return s.getAttribute("data-stage") === String(Number(query)); }]
          : [
              function (s) { return s.id.toLowerCase() === query; },
              function (s) { return s.id.toLowerCase().indexOf(query) === 0; },
              function (s) {
                var title = s.querySelector("h2 .title");
                return !!title && title.textContent.toLowerCase().indexOf(query) >= 0;
              },
            ];
        for (var t = 0; t < tests.length; t++) {
          for (var k = 0; k < sections.length; k++) if (tests[t](sections[k])) return k;
        }
        return -1;
      }

      function openGoto() {
        if (!form) return;
        returnFocus = document.activeElement;
        form.hidden = false;
        message.textContent = "";
        input.value = "";
        input.focus();
      }

      function closeGoto(restore) {
        form.hidden = true;
        message.textContent = "";
        if (restore && returnFocus && returnFocus.focus) returnFocus.focus({ preventScroll: true });
        returnFocus = null;
      }

      if (form) {
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          var index = find(input.value);
          if (index < 0) {
            message.textContent = "No stage \u201C" + input.value.trim() + "\u201D on this page.";
            return;
          }
          closeGoto(false);
          go(index);
        });
        input.addEventListener("keydown", function (event) {
          if (event.key === "Escape") {
            event.preventDefault();
            closeGoto(true);
          }
        });
      }

      document.addEventListener("keydown", function (event) {
        if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
        if (typing(event.target)) return;
        var key = event.key;
        if (key === "ArrowRight" || key === "n") {
          event.preventDefault();
          go(Math.min(current() + 1, sections.length - 1));
        } else if (key === "ArrowLeft" || key === "p") {
          event.preventDefault();
          go(Math.max(current() - 1, 0));
        } else if (key === "g") {
          event.preventDefault();
          openGoto();
        }
      });

      var pending = false;
      window.addEventListener("scroll", function () {
        if (pending) return;
        pending = true;
        window.requestAnimationFrame(function () {
          pending = false;
          mark(current());
        });
      }, { passive: true });
      mark(current());

      // Highlighting: what the pointer is over and what has the focus, each lighting up its
      // field's bytes (both layouts) and table row within its own figure.
      var hovered = null;
      var focused = null;

      function parts(row) {
        var list = row.getAttribute("data-parts");
        return list ? list.split(" ") : [];
      }

      function related(element) {
        var figure = element.closest(".hexdump-figure");
        if (!figure) return [];
        var field = element.getAttribute("data-field");
        var isRow = element.tagName === "TR";
        var fields = isRow ? [field].concat(parts(element)) : [field];
        var found = [];
        Array.prototype.forEach.call(figure.querySelectorAll("[data-field]"), function (other) {
          var otherField = other.getAttribute("data-field");
          if (other.tagName === "TR") {
            if (other === element || (!isRow && (otherField === field
                || parts(other).indexOf(field) >= 0))) found.push(other);
          } else if (fields.indexOf(otherField) >= 0) {
            found.push(other);
          }
        });
        return found;
      }

      function refresh() {
        Array.prototype.forEach.call(document.querySelectorAll(".hl"), function (element) {
          element.classList.remove("hl");
        });
        [hovered, focused].forEach(function (source) {
          if (!source) return;
          related(source).forEach(function (element) { element.classList.add("hl"); });
        });
      }

      function fieldOf(target) {
        return target && target.closest ? target.closest(".hexdump-figure [data-field]") : null;
      }

      document.addEventListener("mouseover", function (event) {
        var next = fieldOf(event.target);
        if (next !== hovered) {
          hovered = next;
          refresh();
        }
      });
      document.addEventListener("mouseout", function (event) {
        if (!event.relatedTarget && hovered) {
          hovered = null;
          refresh();
        }
      });
      document.addEventListener("focusin", function (event) {
        focused = fieldOf(event.target);
        refresh();
      });
      document.addEventListener("focusout", function (event) {
        if (!event.relatedTarget && focused) {
          focused = null;
          refresh();
        }
      });
    })();
    """#
}
