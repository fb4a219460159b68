/*
 * learning-library: tables that scroll sideways can be scrolled with the keyboard.
 *
 * Material wraps each table of a page in a box that scrolls when the table is
 * wider than the screen (a recommendations table on a phone). A box that
 * scrolls must be reachable by keyboard (WCAG 2.1.1), so each box becomes a
 * focusable region named after the heading above its table. Material wraps
 * the tables when it loads a page and tells its `document$` subscribers after,
 * so this runs then. No inline script: the Content-Security-Policy allows none
 * it did not hash.
 */
(function () {
  "use strict";

  function heading(box) {
    for (var node = box.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) return node.textContent.replace(/\s*¶\s*$/, "").trim();
    }
    return "";
  }

  function label() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])");
    Array.prototype.forEach.call(boxes, function (box) {
      var name = heading(box);
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name ? "Table: " + name : "Table");
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(label);
  } else {
    document.addEventListener("DOMContentLoaded", label);
  }
})();
