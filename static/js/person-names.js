// Progressive enhancement for the name boxes (Participant, Said by): as one types, the archive's people whose
// names start so are offered in the <datalist id="person-names"> the boxes point to. Without JavaScript the box
// takes a name typed whole (or an address's slug), which the server looks up the same way.
(function () {
  "use strict";
  var list = document.getElementById("person-names");
  if (!list || !window.fetch) {
    return;
  }
  var source = list.getAttribute("data-source");
  var pending = null;
  var asked = "";

  function offer(people) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    people.forEach(function (person) {
      var option = document.createElement("option");
      option.value = person.name;
      option.label = person.country ? person.name + " (" + person.country + ")" : person.name;
      list.appendChild(option);
    });
  }

  function lookUp(text) {
    if (text === asked) {
      return;
    }
    asked = text;
    fetch(source + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { people: [] }; })
      .then(function (data) {
        if (text === asked) {
          offer(data.people || []);
        }
      })
      .catch(function () { /* the box still takes a name typed whole */ });
  }

  document.querySelectorAll('input[list="person-names"]').forEach(function (input) {
    input.addEventListener("input", function () {
      var text = input.value.trim();
      window.clearTimeout(pending);
      if (text.length < 2) {
        return;
      }
      pending = window.setTimeout(function () { lookUp(text); }, 150);
    });
  });
}());
