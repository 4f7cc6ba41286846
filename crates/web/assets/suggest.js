// Instant suggestions for every search box marked data-suggest, following the
// ARIA combobox pattern. Without this script the boxes are plain forms.
(function () {
  'use strict';
  var counter = 0;
  // The page's texts, in its language (JSON in a data attribute; English if absent).
  var texts = {
    label: 'Suggestions', one: '1 suggestion; use the arrow keys to choose',
    other: '{count} suggestions; use the arrow keys to choose', internal: '{type} · internal', types: {}
  };
  try {
    var given = JSON.parse(document.getElementById('suggest-messages').dataset.messages);
    Object.keys(given).forEach(function (k) { texts[k] = given[k]; });
  } catch (e) { /* the English above */ }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  function attach(input) {
    var id = 'suggest-' + (++counter);
    var list = document.createElement('ul');
    list.id = id;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', texts.label);
    list.hidden = true;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    input.parentNode.classList.add('has-suggestions');
    input.parentNode.appendChild(list);

    var status = document.createElement('div');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    input.parentNode.appendChild(status);

    var active = -1, timer = null, ticket = 0;

    function options() { return list.querySelectorAll('[role="option"]'); }
    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function highlight(i) {
      var all = options();
      if (!all.length) return;
      active = (i + all.length) % all.length;
      all.forEach(function (o, j) { o.setAttribute('aria-selected', j === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', all[active].id);
    }
    function show(hits) {
      list.textContent = '';
      hits.forEach(function (h, i) {
        var li = document.createElement('li');
        li.id = id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        // Only staff get internal records; those open in the back office.
        var internal = h.visibility === 'internal';
        li.dataset.href = (internal ? '/admin/' : '/') + h.type + '/' + encodeURIComponent(h.id);
        var title = document.createElement('span');
        title.className = 'suggestion-title';
        title.textContent = h.title;
        var type = document.createElement('span');
        type.className = 'suggestion-type';
        var typeName = texts.types[h.type] || h.type;
        type.textContent = internal ? fill(texts.internal, { type: typeName }) : typeName;
        li.appendChild(title);
        li.appendChild(type);
        li.addEventListener('mousedown', function (e) { e.preventDefault(); location.href = li.dataset.href; });
        list.appendChild(li);
      });
      list.hidden = hits.length === 0;
      input.setAttribute('aria-expanded', hits.length ? 'true' : 'false');
      status.textContent = hits.length === 1 ? texts.one : hits.length ? fill(texts.other, { count: hits.length }) : '';
      active = -1;
    }
    function ask() {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      var mine = ++ticket;
      fetch('/api/v1/search/suggest?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
        .then(function (data) { if (mine === ticket) show(data.hits || []); })
        .catch(close);
    }

    // Forgets pending and in-flight requests, so closed suggestions stay closed.
    function dismiss() { clearTimeout(timer); ticket++; close(); }

    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(ask, 120); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        // A search box clears itself on Escape; here Escape only closes the
        // suggestions, so Enter afterwards searches what was typed.
        if (input.value) e.preventDefault();
        dismiss();
        return;
      }
      if (e.key === 'Enter') {
        if (!list.hidden && active >= 0) { e.preventDefault(); location.href = options()[active].dataset.href; return; }
        dismiss();
        return;
      }
      if (list.hidden) return;
      if (e.key === 'ArrowDown') { e.preventDefault(); highlight(active + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  document.querySelectorAll('input[data-suggest]').forEach(attach);
})();
