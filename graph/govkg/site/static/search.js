// govkg static site: search the prebuilt index (search-index.js) in the browser, offline.
// Results are built with createElement and textContent only: labels are untrusted text.
"use strict";
(function () {
  const entries = window.GOVKG_SEARCH || [];
  const input = document.getElementById("search");
  const list = document.getElementById("hits");
  const status = document.getElementById("search-status");
  const fold = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const folded = entries.map((e) => fold(e[0] + " " + e[1]));
  const LIMIT = 100;

  function show() {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    list.replaceChildren();
    if (!words.length) { status.textContent = ""; return; }
    let found = 0;
    for (let i = 0; i < entries.length && found < LIMIT; i++) {
      if (!words.every((w) => folded[i].includes(w))) continue;
      const [label, path, kind] = entries[i];
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = path + ".html";
      link.textContent = label;
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = " " + kind;
      item.append(link, tag);
      list.append(item);
      found++;
    }
    status.textContent = found === LIMIT ? "first " + LIMIT + " matches" : found + " match(es)";
  }
  input.addEventListener("input", show);
  show();
})();
