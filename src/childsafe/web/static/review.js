// childsafe review UI: reveal (counted) and blur again, keep video muted, filter flagged messages.
// No framework, no network access other than this site's own /review/reveal.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var media = document.getElementById("media");
  if (media && media.tagName === "VIDEO") {
    media.muted = true;
  }
  var reveal = document.querySelector("[data-reveal]");
  var hide = document.querySelector("[data-hide]");
  var note = document.getElementById("shield-note");
  if (reveal && media) {
    reveal.addEventListener("click", function () {
      reveal.disabled = true;
      var body = new URLSearchParams({ key: reveal.dataset.key, csrf: reveal.dataset.csrf });
      fetch(reveal.dataset.url, { method: "POST", body: body, credentials: "same-origin",
                                  headers: { "Accept": "application/json" } })
        .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
        .then(function (counts) {
          media.classList.remove("shielded");
          reveal.hidden = true;
          hide.hidden = false;
          var shown = document.getElementById("reveals-24h");
          if (shown) { shown.textContent = String(counts.reveals_24h); }
          if (note) { note.textContent = "Revealed (counted). Blur it again when you are done."; }
        })
        .catch(function (err) {
          reveal.disabled = false;
          if (note) { note.textContent = "Could not reveal: " + err.message + ". Reload the page."; }
        });
    });
  }
  if (hide && media) {
    hide.addEventListener("click", function () {
      media.classList.add("shielded");
      hide.hidden = true;
      reveal.hidden = false;
      reveal.disabled = false;
      if (media.tagName === "VIDEO") { media.pause(); media.muted = true; }
      if (note) { note.textContent = "Blurred again. Revealing again is counted again."; }
    });
  }
  var only = document.getElementById("only-flagged");
  var list = document.getElementById("messages");
  if (only && list) {
    only.addEventListener("change", function () { list.classList.toggle("only-flagged", only.checked); });
  }
});
