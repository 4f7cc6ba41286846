// Inside an embed page: tells the page that framed it how tall it is, and
// nothing else (the height is no secret, so any parent may read it).
(function () {
  'use strict';
  if (window.parent === window) return;
  var last = -1;
  function report() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ kizuna: 'height', height: height }, '*');
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(report).observe(document.body);
  window.addEventListener('load', report);
  document.addEventListener('toggle', report, true);
  report();
})();
