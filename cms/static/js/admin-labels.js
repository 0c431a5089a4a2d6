// Wagtail's rich text editors (Draftail) and the tag box (tag-it) draw inputs
// without an accessible name; name each after its field's label so screen
// readers (and axe-core) know what it is. Runs again as editors are drawn.
(function () {
  "use strict";
  var counter = 0;
  function labelFor(element) {
    var field = element.closest("[data-field-wrapper], .w-field__wrapper, .w-field");
    var label = field && field.querySelector("label, .w-field__label");
    if (!label) return null;
    if (!label.id) label.id = "nhan-truong-" + (++counter);
    return label.id;
  }
  function name(root) {
    root.querySelectorAll("[role=textbox]:not([aria-label]):not([aria-labelledby]), input.ui-autocomplete-input:not([aria-label]):not([aria-labelledby])")
      .forEach(function (element) {
        var id = labelFor(element);
        if (id) element.setAttribute("aria-labelledby", id);
        else element.setAttribute("aria-label", element.getAttribute("placeholder") || "Nội dung");
      });
  }
  function start() {
    name(document);
    new MutationObserver(function () { name(document); }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
