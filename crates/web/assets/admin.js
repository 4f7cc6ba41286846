// The back office's forms, improved in place. Without this script every
// button still works: "Add a row", "Remove" and "Preview" re-render the form
// on the server, and pickers offer a <datalist> of every record.
//
// With it: Markdown previews appear below their field (a live region),
// rows are added and removed without a round trip, pickers search as you
// type (GET /admin/picker), and the error summary takes focus.
(function () {
  'use strict';

  var status = null;

  /** Says something to screen readers without moving focus. */
  function announce(text) {
    if (!status) {
      status = document.createElement('div');
      status.className = 'visually-hidden';
      status.setAttribute('role', 'status');
      document.body.appendChild(status);
    }
    status.textContent = '';
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function csrfOf(form) {
    var field = form && form.querySelector('input[name="csrf"]');
    return field ? field.value : '';
  }

  // ---- Markdown preview ----------------------------------------------------
  function preview(button) {
    var textarea = document.getElementById(button.getAttribute('data-preview'));
    var region = document.getElementById(textarea.id + '-preview');
    var body = new URLSearchParams();
    body.set('csrf', csrfOf(button.form));
    body.set('text', textarea.value);
    body.set('fragment', '1');
    button.disabled = true;
    fetch('/admin/preview', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    })
      .then(function (res) {
        // A redirect means the session ended (the sign-in page came back).
        if (!res.ok || res.redirected) throw new Error('status ' + res.status);
        return res.text();
      })
      .then(function (html) {
        var label = document.createElement('p');
        label.className = 'preview-label';
        label.textContent = 'Preview';
        var prose = document.createElement('div');
        prose.className = 'prose';
        // Rendered and sanitised by the server (the same code as the public pages).
        prose.innerHTML = html.trim() ? html : '<p><em>Nothing to show yet.</em></p>';
        region.replaceChildren(label, prose);
      })
      .catch(function () {
        region.replaceChildren();
        var p = document.createElement('p');
        p.className = 'field-error';
        p.textContent = 'The preview could not be loaded. Save the form or try again.';
        region.appendChild(p);
      })
      .finally(function () { button.disabled = false; });
  }

  // ---- Repeatable rows -----------------------------------------------------
  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  function groupOf(el) { return el.closest('fieldset.group-field'); }
  function rowsOf(group) { return Array.prototype.slice.call(group.querySelector('[data-rows]').children); }

  /** Gives every row of a group its number again: names, ids, labels and legends. */
  function renumber(group) {
    var name = group.querySelector('[data-rows]').getAttribute('data-rows');
    var item = group.getAttribute('data-item') || 'Row';
    var namePattern = new RegExp('^' + escapeRegExp(name) + '\\[\\d+\\]');
    var idPattern = new RegExp('^' + escapeRegExp(group.id) + '-\\d+(?=-|$)');
    rowsOf(group).forEach(function (row, i) {
      var path = name + '[' + i + ']';
      var idPrefix = group.id + '-' + i;
      var all = [row].concat(Array.prototype.slice.call(row.querySelectorAll('*')));
      all.forEach(function (el) {
        if (el.name && namePattern.test(el.name)) el.name = el.name.replace(namePattern, path);
        if (el.id && idPattern.test(el.id)) el.id = el.id.replace(idPattern, idPrefix);
        ['for', 'aria-describedby', 'aria-controls', 'data-preview'].forEach(function (attr) {
          var v = el.getAttribute(attr);
          if (v) {
            el.setAttribute(attr, v.split(' ').map(function (t) { return t.replace(idPattern, idPrefix); }).join(' '));
          }
        });
        if (el.matches('button[data-remove]')) el.value = path;
      });
      var numbered = item + ' ' + (i + 1);
      var legend = row.querySelector(':scope > legend');
      if (legend) legend.textContent = numbered;
      var scalarLabel = row.classList.contains('row-scalar') && row.querySelector(':scope > label');
      if (scalarLabel) scalarLabel.textContent = numbered;
      var hidden = row.querySelector(':scope > button[data-remove] .visually-hidden');
      if (hidden) hidden.textContent = ' ' + numbered.toLowerCase();
    });
  }

  /** Empties a row's controls and forgets the problems shown in it. */
  function clear(row) {
    row.querySelectorAll('input, textarea').forEach(function (el) {
      if (el.type === 'checkbox') el.checked = false;
      else el.value = '';
    });
    row.querySelectorAll('select').forEach(function (el) {
      var wanted = el.getAttribute('data-default');
      el.value = wanted !== null ? wanted : (el.options[0] ? el.options[0].value : '');
    });
    row.querySelectorAll('.field-error').forEach(function (el) { el.remove(); });
    row.querySelectorAll('.has-error').forEach(function (el) { el.classList.remove('has-error'); });
    row.classList.remove('has-error');
    [row].concat(Array.prototype.slice.call(row.querySelectorAll('[aria-invalid], [aria-describedby]'))).forEach(function (el) {
      el.removeAttribute('aria-invalid');
      var d = el.getAttribute('aria-describedby');
      if (d) {
        var kept = d.split(' ').filter(function (t) { return !/-error$/.test(t); }).join(' ');
        if (kept) el.setAttribute('aria-describedby', kept); else el.removeAttribute('aria-describedby');
      }
    });
    row.querySelectorAll('.preview').forEach(function (el) { el.replaceChildren(); });
  }

  function firstControl(row) { return row.querySelector('input:not([type="hidden"]), select, textarea'); }

  function addRow(button) {
    var group = groupOf(button);
    var rows = rowsOf(group);
    var row = rows[rows.length - 1].cloneNode(true);
    clear(row);
    group.querySelector('[data-rows]').appendChild(row);
    renumber(group);
    var first = firstControl(row);
    if (first) first.focus();
    announce((group.getAttribute('data-item') || 'Row') + ' ' + rowsOf(group).length + ' added');
  }

  function removeRow(button) {
    var group = groupOf(button);
    var row = button.closest('[data-row]');
    var rows = rowsOf(group);
    var index = rows.indexOf(row);
    if (rows.length === 1) {
      clear(row);
    } else {
      row.remove();
    }
    renumber(group);
    var left = rowsOf(group);
    var next = left[Math.min(index, left.length - 1)];
    var target = (rows.length === 1 ? firstControl(row) : next && firstControl(next)) || group.querySelector('button[data-add]');
    if (target) target.focus();
    announce((group.getAttribute('data-item') || 'Row') + ' removed');
  }

  // ---- Pickers: search as you type ----------------------------------------
  var timers = new WeakMap();
  var tickets = new WeakMap();

  function listFor(input) {
    var id = input.id + '-choices';
    var list = document.getElementById(id);
    if (!list) {
      list = document.createElement('datalist');
      list.id = id;
      input.form.appendChild(list);
      input.setAttribute('list', id);
    }
    return list;
  }

  function suggest(input) {
    var q = input.value.trim();
    if (!q) return;
    var ticket = (tickets.get(input) || 0) + 1;
    tickets.set(input, ticket);
    var url = '/admin/picker?type=' + encodeURIComponent(input.getAttribute('data-picker')) + '&q=' + encodeURIComponent(q);
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok && !res.redirected ? res.json() : { items: [] }; })
      .then(function (data) {
        if (tickets.get(input) !== ticket) return;
        var list = listFor(input);
        list.replaceChildren();
        data.items.forEach(function (choice) {
          var option = document.createElement('option');
          option.value = choice.id;
          option.label = choice.label;
          option.textContent = choice.label;
          list.appendChild(option);
        });
      })
      .catch(function () { /* the full datalist stays */ });
  }

  document.addEventListener('input', function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute('data-picker')) return;
    window.clearTimeout(timers.get(input));
    timers.set(input, window.setTimeout(function () { suggest(input); }, 200));
  });

  // ---- Buttons ---------------------------------------------------------------
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button');
    if (!button || !button.form || !button.form.classList.contains('admin-form')) return;
    if (button.hasAttribute('data-preview')) {
      e.preventDefault();
      preview(button);
    } else if (button.hasAttribute('data-add')) {
      e.preventDefault();
      addRow(button);
    } else if (button.hasAttribute('data-remove')) {
      e.preventDefault();
      removeRow(button);
    }
  });

  // A form that came back with problems: start at the list of them.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
