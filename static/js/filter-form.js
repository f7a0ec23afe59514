// Progressive enhancement for the filter form: leave empty fields out of the query string, so that the
// address to share reads ?country=KZ rather than ?meeting_date_after=&...&country=KZ. Without JavaScript
// the form submits every field, which the server reads the same way. The list's filters, folded on a phone,
// are opened on a wider screen (where the stylesheet shows them anyway, in browsers that style ::details-content).
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form) {
    return;
  }
  var disclosure = form.querySelector("details.filters-disclosure");
  if (disclosure && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 60rem)");
    var follow = function () {
      if (wide.matches) {
        disclosure.open = true;
      }
    };
    follow();
    if (wide.addEventListener) {
      wide.addEventListener("change", follow);
    }
  }
  form.addEventListener("submit", function () {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && field.value === "") {
        field.disabled = true;
      }
    });
    // Re-enable after the submission has been read, so that going back shows a usable form.
    window.setTimeout(function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        field.disabled = false;
      });
    }, 0);
  });
}());
