// Kizuna embeds for a host page: every <div data-kizuna="WIDGET" data-...>
// becomes an iframe of {base}/embed/WIDGET?... (data-education-level becomes
// education_level=...), and grows to the height its page reports. Only
// messages from the Kizuna origin, from one of these frames, are believed.
// A widget speaks the host's language: its data-lang, else the nearest lang
// attribute around it, when Kizuna has that language (lang=... in the frame).
(function () {
  'use strict';
  var base = "__KIZUNA_BASE__";
  var origin;
  try { origin = new URL(base).origin; } catch (e) { return; }
  // The frames' titles by language; the server fills them in.
  var titles = "__KIZUNA_TITLES__";
  if (typeof titles !== 'object') {
    titles = { en: { map: 'Map of partners', agreements: 'Agreements', funding: 'Funding opportunities', country: 'Country summary' } };
  }
  var widgets = titles.en;
  var frames = [];

  function languageOf(host) {
    var around = host.closest('[lang]');
    var wanted = host.getAttribute('data-lang') || (around && around.getAttribute('lang')) || '';
    var code = wanted.toLowerCase().split('-')[0];
    return Object.prototype.hasOwnProperty.call(titles, code) ? code : null;
  }

  function snake(key) { return key.replace(/[A-Z]/g, function (c) { return '_' + c.toLowerCase(); }); }

  function embed(host) {
    var widget = host.getAttribute('data-kizuna');
    if (!Object.prototype.hasOwnProperty.call(widgets, widget) || host.querySelector('iframe')) return;
    var params = new URLSearchParams();
    Object.keys(host.dataset).sort().forEach(function (key) {
      if (key === 'kizuna' || key === 'title' || key === 'lang') return;
      params.append(snake(key), host.dataset[key]);
    });
    var lang = languageOf(host);
    if (lang) params.append('lang', lang);
    var query = params.toString();
    var frame = document.createElement('iframe');
    frame.src = base + '/embed/' + widget + (query ? '?' + query : '');
    frame.title = host.dataset.title || (titles[lang] || widgets)[widget];
    frame.setAttribute('scrolling', 'no');
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.height = (widget === 'map' ? 520 : 320) + 'px';
    host.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.kizuna !== 'height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(50, Math.min(20000, Math.ceil(data.height))) + 'px';
      }
    }
  });

  function run() { Array.prototype.forEach.call(document.querySelectorAll('[data-kizuna]'), embed); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run); else run();
})();
