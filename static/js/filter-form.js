// Progressive enhancement for the filter form: leave empty fields out of the query string, so that the
// address to share reads ?country=KZ rather than ?meeting_date_after=&...&country=KZ. Without JavaScript
// the form submits every field, which the server reads the same way.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form) {
    return;
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
