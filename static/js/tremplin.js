/* Tremplin — small progressive enhancements; every page works without them (docs/design-system.md).
 *
 * - disclosures (<details>): aria-expanded on their <summary>, Escape closes and gives focus back,
 *   opening one menu of a group closes its siblings, a click or focus outside closes the dropdowns;
 * - toasts: the close button removes the message.
 * No inline script anywhere (the Content Security Policy forbids it): this file is loaded with `defer`.
 */
(function () {
  "use strict";

  var DISCLOSURES = "details.dropdown, details.site-menu, details.programme-menu";

  function sync(details) {
    var summary = details.querySelector(":scope > summary");
    if (summary) summary.setAttribute("aria-expanded", details.open ? "true" : "false");
  }

  function closeDropdowns(except) {
    document.querySelectorAll("details.dropdown[open]").forEach(function (details) {
      if (details !== except && !details.contains(except)) details.open = false;
    });
  }

  function init(root) {
    root.querySelectorAll(DISCLOSURES).forEach(function (details) {
      if (details.dataset.enhanced) return;
      details.dataset.enhanced = "1";
      sync(details);
      details.addEventListener("toggle", function () {
        sync(details);
        if (details.open && details.matches("details.dropdown")) closeDropdowns(details);
      });
    });
    root.querySelectorAll("[data-dismiss]").forEach(function (button) {
      if (button.dataset.enhanced) return;
      button.dataset.enhanced = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        var toast = button.closest(".toast");
        var list = toast && toast.parentElement;
        if (toast) toast.remove();
        if (list && !list.querySelector(".toast")) list.remove();
        var main = document.getElementById("main");
        if (main) main.focus();
      });
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = event.target.closest && event.target.closest("details[open]");
    if (!open || !open.matches(DISCLOSURES)) return;
    open.open = false;
    var summary = open.querySelector(":scope > summary");
    if (summary) summary.focus();
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest("details.dropdown")) closeDropdowns(null);
  });
  document.addEventListener("focusin", function (event) {
    document.querySelectorAll("details.dropdown[open]").forEach(function (details) {
      if (!details.contains(event.target)) details.open = false;
    });
  });

  init(document);
  document.addEventListener("htmx:load", function (event) {
    init(event.target);
  });
})();
