// The job autocomplete (WAI-ARIA 1.2 combobox with a listbox popup).
// htmx fetches the options as one types; this script moves through them with the keyboard and fills
// the form. Without it the field is a plain text field, and its link opens the full search page.
(function () {
  "use strict";
  if (window.tremplinJobAutocomplete) return; // the widget may be on a page twice
  window.tremplinJobAutocomplete = true;

  var DELAY = 250;

  function setup(input) {
    if (input.dataset.jobReady) return;
    input.dataset.jobReady = "1";
    var listbox = document.getElementById(input.dataset.jobListbox);
    if (!listbox) return;
    var timer = null;
    var active = -1;
    var lastQuery = null;

    function options() {
      return Array.prototype.slice.call(listbox.querySelectorAll('[role="option"]'));
    }

    function open() {
      if (!options().length) return close();
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
      options().forEach(function (option) { option.setAttribute("aria-selected", "false"); });
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function pick(option) {
      var code = option.dataset.code || "";
      var title = option.dataset.title || "";
      input.value = input.dataset.jobValue === "code" ? code : title;
      var codeField = input.dataset.jobCodeField && document.getElementById(input.dataset.jobCodeField);
      if (codeField) codeField.value = code;
      var titleField = input.dataset.jobTitleField && document.getElementById(input.dataset.jobTitleField);
      if (titleField && !titleField.value.trim()) titleField.value = title;
      lastQuery = input.value;
      close();
      input.focus();
    }

    function fetchOptions() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (query.length < 2) {
        listbox.innerHTML = "";
        return close();
      }
      window.htmx.ajax("GET", input.dataset.jobAutocomplete, {
        source: input,
        target: listbox,
        swap: "innerHTML",
        values: { q: query, listbox: listbox.id },
      }).then(function () {
        active = -1;
        input.removeAttribute("aria-activedescendant");
        if (document.activeElement === input) open();
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchOptions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!expanded) open();
          highlight(active + 1);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!expanded) open();
          highlight(active < 0 ? -1 : active - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault(); // pick the job, do not send the form yet
            pick(options()[active]);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", function () {
      setTimeout(function () { if (!listbox.contains(document.activeElement)) close(); }, 150);
    });

    // mousedown, not click: it comes before the field loses the focus.
    listbox.addEventListener("mousedown", function (event) {
      var option = event.target.closest('[role="option"]');
      if (option) {
        event.preventDefault();
        pick(option);
      }
    });
  }

  function init() {
    if (!window.htmx) return; // no htmx: the plain field and its search page still work
    document.querySelectorAll("input[data-job-autocomplete]").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
