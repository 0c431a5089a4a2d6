// Autocomplete for search boxes marked data-suggest: titles and document
// numbers as the reader types. A plain ARIA combobox; without JavaScript the
// box is an ordinary search form.
(function () {
  "use strict";
  function setup(input) {
    var list = document.createElement("ul");
    var id = input.id + "-goi-y";
    var items = [];
    var active = -1;
    var timer = null;
    var last = "";
    list.id = id;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", id);
    input.setAttribute("aria-expanded", "false");
    input.parentNode.style.position = "relative";
    input.parentNode.appendChild(list);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function highlight(i) {
      active = i;
      items.forEach(function (li, k) { li.setAttribute("aria-selected", k === i ? "true" : "false"); });
      if (i >= 0) input.setAttribute("aria-activedescendant", items[i].id);
    }
    function show(suggestions) {
      list.innerHTML = "";
      items = suggestions.map(function (s, k) {
        // An option holds text only (a link inside would nest interactive
        // controls); choosing it, by click or Enter, opens its page.
        var li = document.createElement("li");
        li.id = id + "-" + k;
        li.setAttribute("role", "option");
        li.dataset.href = s.url;
        li.textContent = s.number ? s.number + " · " + s.title : s.title;
        li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location = s.url; });
        list.appendChild(li);
        return li;
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      active = -1;
    }
    function fetchSuggestions() {
      var q = input.value;
      if (q.trim().length < 2) { close(); return; }
      if (q === last) return;
      last = q;
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value === q) show(data.suggestions || []); })
        .catch(close);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, -1)); }
      // Escape closes the list and keeps the text (Chromium would clear a type=search box).
      else if (e.key === "Escape") { e.preventDefault(); close(); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); window.location = items[active].dataset.href; }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
  }
  document.querySelectorAll("input[data-suggest]").forEach(setup);
})();
