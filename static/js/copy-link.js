// Progressive enhancement for paragraph permalinks (a.permalink[data-copy-link]): the link works without
// JavaScript; with it, following the link also copies the paragraph's full address to the clipboard.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  var status = document.querySelector(".copy-status");
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-copy-link]") : null;
    if (!link) {
      return;
    }
    navigator.clipboard.writeText(link.href).then(function () {
      link.classList.add("copied");
      if (status) {
        status.textContent = "Link to the paragraph copied.";
      }
      window.setTimeout(function () {
        link.classList.remove("copied");
      }, 1500);
    }, function () {
      // Copying was refused: the link still goes to the paragraph, which is all it promised.
    });
  });
}());
