// The region tree's filter box: shows the units whose name matches what is typed
// (with or without diacritics) and the units above them, and lists the chosen ones.
// Events are handled on the document, not bound per tree, so a tree the admin inserts,
// re-renders or clones after the page loaded filters just the same.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function unitsOf(tree) {
    return Array.prototype.slice.call(tree.querySelectorAll(".region-tree__unit"));
  }
  function textOf(li) {
    if (!li.dataset.text) li.dataset.text = fold(li.textContent);
    return li.dataset.text;
  }
  function showChosen(tree) {
    var chosen = tree.querySelector("[data-region-tree-chosen]");
    var names = unitsOf(tree).filter(function (li) { return li.querySelector("input").checked; })
      .map(function (li) { return li.querySelector("label").textContent.trim(); });
    chosen.textContent = names.length ? "Đã chọn: " + names.join("; ") : "Chưa chọn địa bàn nào.";
  }
  function filter(tree, value) {
    var units = unitsOf(tree);
    var q = fold(value.trim());
    if (!q) { units.forEach(function (li) { li.hidden = false; }); return; }
    var keep = new Set();
    units.forEach(function (li, i) {
      if (textOf(li).indexOf(q) === -1) return;
      keep.add(i);
      var depth = Number(li.dataset.depth);
      for (var k = i - 1; k >= 0 && depth > 0; k--) {  // the units above it, in tree order
        if (Number(units[k].dataset.depth) < depth) { keep.add(k); depth = Number(units[k].dataset.depth); }
      }
    });
    units.forEach(function (li, i) { li.hidden = !keep.has(i); });
  }
  function searchBox(target) {
    return target && target.closest ? target.closest("[data-region-tree-search]") : null;
  }
  document.addEventListener("input", function (e) {
    var search = searchBox(e.target);
    if (search) filter(search.closest("[data-region-tree]"), search.value);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && searchBox(e.target)) e.preventDefault();  // Enter filters, it does not submit
  });
  document.addEventListener("change", function (e) {
    var tree = e.target && e.target.closest ? e.target.closest("[data-region-tree]") : null;
    if (tree) showChosen(tree);
  });
  function setup(tree) {
    if (tree.dataset.ready) return;
    tree.dataset.ready = "1";
    var search = tree.querySelector("[data-region-tree-search]");
    if (search.value) filter(tree, search.value);  // typed before the script ran, or kept by the browser
    showChosen(tree);
  }
  function all() { document.querySelectorAll("[data-region-tree]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all); else all();
  new MutationObserver(all).observe(document.documentElement, { childList: true, subtree: true });
})();
