/* The header's search box as a combobox (WAI-ARIA 1.2, list popup): htmx fills #search-listbox as the
   person types; this script shows or hides the list, moves the active option with the arrow keys,
   opens it with Enter and closes the list with Escape. Without it, the form goes to the results page. */
(function () {
  "use strict";

  function setUp(form) {
    var input = form.querySelector("[role=combobox]");
    var listbox = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.getElementById("search-status");
    var minLength = parseInt(form.getAttribute("data-min-length"), 10) || 2;
    var active = -1;

    function options() {
      return Array.prototype.slice.call(listbox.querySelectorAll("[role=option]"));
    }

    function setActive(index) {
      var all = options();
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
        option.classList.toggle("is-active", i === index);
      });
      active = index;
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (!options().length) {
        close();
        return;
      }
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      setActive(-1);
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function isOpen() {
      return input.getAttribute("aria-expanded") === "true";
    }

    function longEnough() {
      return input.value.trim().length >= minLength;
    }

    // No request under the minimum length: the list closes and the status line says nothing.
    input.addEventListener("htmx:beforeRequest", function (event) {
      if (!longEnough()) {
        event.preventDefault();
        listbox.innerHTML = "";
        if (status) status.textContent = "";
        close();
      }
    });

    form.addEventListener("htmx:afterSwap", function (event) {
      if (!event.detail || event.detail.target !== listbox) return;
      setActive(-1);
      if (longEnough() && document.activeElement === input) open();
      else close();
    });

    input.addEventListener("input", function () {
      setActive(-1);
      if (!longEnough()) close();
    });

    input.addEventListener("focus", function () {
      if (longEnough()) open();
    });

    input.addEventListener("keydown", function (event) {
      var all = options();
      switch (event.key) {
        case "ArrowDown":
          if (!all.length) return;
          event.preventDefault();
          if (!isOpen()) open();
          setActive(active + 1 >= all.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          if (!all.length) return;
          event.preventDefault();
          if (!isOpen()) open();
          setActive(active <= 0 ? all.length - 1 : active - 1);
          break;
        case "Enter":
          if (isOpen() && active >= 0 && all[active]) {
            event.preventDefault();
            window.location.assign(all[active].href);
          }
          break;
        case "Escape":
          if (isOpen()) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            listbox.innerHTML = "";
            if (status) status.textContent = "";
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    // A pointer on an option makes it the active one; a click follows the link itself.
    listbox.addEventListener("mousemove", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) setActive(options().indexOf(option));
    });

    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-search-box]"), setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
