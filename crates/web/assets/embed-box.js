// "Embed this": a button that copies the snippet (the text area works
// without it: select and copy by hand). Its texts come with the button, in
// the page's language.
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy-from]'), function (button) {
    var source = document.getElementById(button.getAttribute('data-copy-from'));
    var status = document.getElementById(button.getAttribute('data-status'));
    if (!source) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var done = function () { if (status) status.textContent = button.getAttribute('data-copied') || 'Copied.'; };
      source.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(source.value).then(done, function () {
          if (status) status.textContent = button.getAttribute('data-copy-by-hand') || 'Press Ctrl+C (or ⌘C) to copy the selected code.';
        });
      } else if (document.execCommand && document.execCommand('copy')) {
        done();
      }
    });
  });
})();
