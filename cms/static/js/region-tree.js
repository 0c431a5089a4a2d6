// The region tree's filter box: shows the units whose name matches what is typed
// (with or without diacritics) and the units above them, and lists the chosen ones.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function setup(tree) {
    if (tree.dataset.ready) return;
    tree.dataset.ready = "1";
    var search = tree.querySelector("[data-region-tree-search]");
    var chosen = tree.querySelector("[data-region-tree-chosen]");
    var units = Array.prototype.slice.call(tree.querySelectorAll(".region-tree__unit"));
    units.forEach(function (li) { li.dataset.text = fold(li.textContent); });
    function showChosen() {
      var names = units.filter(function (li) { return li.querySelector("input").checked; })
        .map(function (li) { return li.querySelector("label").textContent.trim(); });
      chosen.textContent = names.length ? "Đã chọn: " + names.join("; ") : "Chưa chọn địa bàn nào.";
    }
    function filter() {
      var q = fold(search.value.trim());
      if (!q) { units.forEach(function (li) { li.hidden = false; }); return; }
      var keep = new Set();
      units.forEach(function (li, i) {
        if (li.dataset.text.indexOf(q) === -1) return;
        keep.add(i);
        var depth = Number(li.dataset.depth);
        for (var k = i - 1; k >= 0 && depth > 0; k--) {  // the units above it, in tree order
          if (Number(units[k].dataset.depth) < depth) { keep.add(k); depth = Number(units[k].dataset.depth); }
        }
      });
      units.forEach(function (li, i) { li.hidden = !keep.has(i); });
    }
    search.addEventListener("input", filter);
    search.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
    tree.addEventListener("change", showChosen);
    filter();  // text typed before the script ran (or kept by the browser) filters at once
    showChosen();
  }
  function all() { document.querySelectorAll("[data-region-tree]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all); else all();
  new MutationObserver(all).observe(document.documentElement, { childList: true, subtree: true });
})();
