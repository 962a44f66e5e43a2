// The review page's one script: point at (or focus) a claim to light its words in the text;
// click words of the text to go to their claims. No request, no library.
(function () {
  "use strict";
  const ROLES = { s: "hl-s", t: "hl-t", o: "hl-o" };
  function light(key, on) {
    for (const letter of Object.keys(ROLES)) {
      for (const seg of document.querySelectorAll('.seg[data-c~="' + key + "-" + letter + '"]')) {
        seg.classList.toggle(ROLES[letter], on);
      }
    }
  }
  function clearAll() {
    for (const seg of document.querySelectorAll(".seg.hl-s, .seg.hl-t, .seg.hl-o")) {
      seg.classList.remove("hl-s", "hl-t", "hl-o");
    }
    for (const card of document.querySelectorAll("article.claim.lit")) card.classList.remove("lit");
  }
  function reveal(key) {
    const first = document.querySelector('.seg[data-c~="' + key + '-s"], .seg[data-c~="' + key + '-t"], .seg[data-c~="' + key + '-o"]');
    const pane = first && first.closest("section.text");
    if (!pane) return;
    // scroll the text's own pane only: moving the window would move the claim from under the pointer
    const top = first.getBoundingClientRect().top - pane.getBoundingClientRect().top;
    if (top < 0 || top > pane.clientHeight - 40) pane.scrollTop += top - pane.clientHeight / 3;
  }
  document.addEventListener("DOMContentLoaded", function () {
    for (const card of document.querySelectorAll("article.claim[data-key]")) {
      const key = card.dataset.key;
      card.addEventListener("mouseenter", function () { clearAll(); light(key, true); card.classList.add("lit"); });
      card.addEventListener("focusin", function () { clearAll(); light(key, true); card.classList.add("lit"); reveal(key); });
      card.addEventListener("mouseleave", function () { light(key, false); card.classList.remove("lit"); });
    }
    for (const link of document.querySelectorAll("a.claim-link[data-key]")) {
      link.addEventListener("mouseenter", function () { clearAll(); light(link.dataset.key, true); });
    }
    document.getElementById("body")?.addEventListener("click", function (event) {
      const seg = event.target.closest(".seg");
      if (!seg) return;
      const keys = [...new Set(seg.dataset.c.split(" ").map(function (k) { return k.replace(/-[sto]$/, ""); }))];
      clearAll();
      keys.forEach(function (k) { light(k, true); document.getElementById(k)?.classList.add("lit"); });
      document.getElementById(keys[0])?.scrollIntoView({ block: "center", behavior: "instant" });
    });
    const hash = window.location.hash.slice(1);
    if (hash && document.getElementById(hash)) { light(hash, true); document.getElementById(hash).classList.add("lit"); reveal(hash); }
  });
})();
