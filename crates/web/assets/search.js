// The search page's filters: beside the results on wide screens, behind a
// "Filters" disclosure on phones. Without this script the disclosure starts
// closed everywhere and opens with a click.
(function () {
  'use strict';
  var drawer = document.querySelector('details[data-facets]');
  if (!drawer || !window.matchMedia) return;
  var wide = window.matchMedia('(min-width: 60rem)');
  function follow() { drawer.open = wide.matches; }
  follow();
  if (wide.addEventListener) wide.addEventListener('change', follow);
})();
