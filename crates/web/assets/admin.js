// The back office's forms, improved in place. Without this script every
// button still works: "Add a row", "Remove" and "Preview" re-render the form
// on the server, and pickers offer a <datalist> of every record.
//
// With it: Markdown previews appear below their field (a live region),
// rows are added and removed without a round trip, pickers search as you
// type (GET /admin/picker) and show names (the server reads them back as
// ids), "New organisation" opens a dialog beside the agreement and
// programme forms' pickers, and the error summary takes focus.
(function () {
  'use strict';

  var status = null;

  // The page's words for what this script says (rendered by the server in the
  // page's language); `{name}` in a word marks where a value goes.
  var words = (document.getElementById('admin-words') || { dataset: {} }).dataset;
  function say(key, fallback, values) {
    var text = words[key] || fallback;
    Object.keys(values || {}).forEach(function (k) { text = text.split('{' + k + '}').join(values[k]); });
    return text;
  }

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
        label.textContent = say('preview', 'Preview');
        var prose = document.createElement('div');
        prose.className = 'prose';
        // Rendered and sanitised by the server (the same code as the public pages).
        if (html.trim()) {
          prose.innerHTML = html;
        } else {
          var empty = document.createElement('em');
          empty.textContent = say('previewEmpty', 'Nothing to show yet.');
          var para = document.createElement('p');
          para.appendChild(empty);
          prose.replaceChildren(para);
        }
        region.replaceChildren(label, prose);
      })
      .catch(function () {
        region.replaceChildren();
        var p = document.createElement('p');
        p.className = 'field-error';
        p.textContent = say('previewFailed', 'The preview could not be loaded. Save the form or try again.');
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
    var item = group.getAttribute('data-item') || say('row', 'Row');
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
      if (hidden) hidden.textContent = ' (' + numbered + ')';
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
    announce(say('rowAdded', '{row} added', { row: (group.getAttribute('data-item') || say('row', 'Row')) + ' ' + rowsOf(group).length }));
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
    announce(say('rowRemoved', '{row} removed', { row: group.getAttribute('data-item') || say('row', 'Row') }));
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
          // The field shows the name; the server reads it back as the id.
          option.value = choice.value;
          option.textContent = choice.value === choice.label ? choice.id : choice.label;
          option.setAttribute('data-id', choice.id);
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

  // ---- New organisation, from inside the agreement and programme forms ----
  var dialog = document.getElementById('new-org');
  var opener = null;
  var existing = null;

  function pickerOf(button) {
    var holder = button.closest('.form-field, .row-scalar');
    return holder && holder.querySelector('input[data-picker]');
  }

  function clearDialogErrors() {
    dialog.querySelectorAll('.field-error[data-inline-error]').forEach(function (el) { el.remove(); });
    dialog.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    var summary = document.getElementById('new-org-errors');
    summary.hidden = true;
    summary.textContent = '';
  }

  function showDialogErrors(errors) {
    var summary = document.getElementById('new-org-errors');
    var loose = [];
    errors.forEach(function (e) {
      var field = dialog.querySelector('[data-field="' + e.field + '"]') ||
        dialog.querySelector('[data-field="' + e.field.split(/[.[]/)[0] + '"]');
      var control = field && field.querySelector('input:not([type="hidden"]), select');
      if (!field || !control) { loose.push((e.field ? e.field + ': ' : '') + e.message); return; }
      var p = document.createElement('p');
      p.className = 'field-error';
      p.id = control.id + '-error';
      p.setAttribute('data-inline-error', '');
      p.textContent = e.message;
      control.parentNode.insertBefore(p, control);
      control.setAttribute('aria-invalid', 'true');
      var d = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (d.indexOf(p.id) < 0) d.push(p.id);
      control.setAttribute('aria-describedby', d.join(' '));
    });
    summary.textContent = (errors.length === 1 ? say('problemOne', 'There is a problem.') : say('problems', 'There are {n} problems.', { n: errors.length })) + ' ';
    summary.textContent += loose.join(' ');
    summary.hidden = false;
    var first = dialog.querySelector('[aria-invalid="true"]');
    if (first) first.focus();
  }

  function setField(name, value) {
    var el = dialog.querySelector('[name="' + name + '"]');
    if (el) el.value = value == null ? '' : String(value);
  }

  /** Fills the dialog from an organisation of the registry (one read from ROR). */
  function fill(org, label) {
    var names = org.names || [];
    var display = names.filter(function (n) { return n.kind === 'display'; })[0] || names[0];
    var others = names.filter(function (n) { return n !== display; });
    setField('names[0].value', display ? display.value : '');
    var more = dialog.querySelector('[data-more-names]');
    more.replaceChildren();
    others.forEach(function (n, i) {
      var at = i + 1;
      if (at === 1) {
        setField('names[1].value', n.value);
        setField('names[1].lang', n.lang);
        setField('names[1].kind', n.kind);
        return;
      }
      [['value', n.value], ['lang', n.lang], ['kind', n.kind]].forEach(function (pair) {
        var input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'names[' + at + '].' + pair[0];
        input.value = pair[1] == null ? '' : pair[1];
        more.appendChild(input);
      });
    });
    setField('kind', org.kind);
    setField('country', org.country);
    setField('city', org.city);
    setField('location', org.location ? org.location.lat + ', ' + org.location.lng : '');
    setField('website', org.website);
    var ids = org.identifiers || {};
    ['ror', 'erasmus', 'schac', 'pic', 'wikidata', 'isni', 'grid'].forEach(function (key) {
      setField('identifiers.' + key, ids[key]);
    });
    existing = { id: org.id, value: label };
    var note = document.getElementById('new-org-existing');
    note.querySelector('[data-existing-text]').textContent =
      say('existing', '{name} is already in the registry: you can use it rather than create a copy.', { name: label });
    note.hidden = false;
    announce(say('filled', 'Filled in from {name}', { name: label }));
  }

  function lookUpRor(input) {
    var q = input.value.trim();
    var list = document.getElementById('new-org-ror-choices');
    var option = Array.prototype.slice.call(list.options).filter(function (o) { return o.value === input.value; })[0];
    if (option) {
      fetch('/api/v1/organisations/' + encodeURIComponent(option.getAttribute('data-id')) + '/internal', {
        credentials: 'same-origin', headers: { Accept: 'application/json' },
      })
        .then(function (res) { if (!res.ok) throw new Error('status ' + res.status); return res.json(); })
        .then(function (org) { fill(org, option.value); })
        .catch(function () { announce(say('unreadable', 'That record could not be read')); });
      return;
    }
    if (q.length < 2) return;
    fetch('/admin/picker?type=ror&q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok && !res.redirected ? res.json() : { items: [] }; })
      .then(function (data) {
        list.replaceChildren();
        data.items.forEach(function (choice) {
          var o = document.createElement('option');
          o.value = choice.value;
          o.textContent = choice.label === choice.value ? choice.id : choice.label;
          o.setAttribute('data-id', choice.id);
          list.appendChild(o);
        });
      })
      .catch(function () { /* typing by hand still works */ });
  }

  function pick(value, label) {
    if (opener) {
      opener.value = value;
      opener.dispatchEvent(new Event('change', { bubbles: true }));
    }
    ['dl-organisations', 'dl-units'].forEach(function (id) {
      var list = document.getElementById(id);
      if (list && !Array.prototype.some.call(list.options, function (o) { return o.value === value; })) {
        var o = document.createElement('option');
        o.value = value;
        o.textContent = label;
        list.appendChild(o);
      }
    });
    dialog.close();
    if (opener) opener.focus();
    announce(say('picked', '{name} picked', { name: label }));
  }

  function createOrganisation(form) {
    clearDialogErrors();
    var body = new URLSearchParams(new FormData(form));
    var button = form.querySelector('[data-create-org]');
    button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'X-CSRF-Token': csrfOf(form) },
      body: body.toString(),
    })
      .then(function (res) {
        return res.json().then(function (data) { return { ok: res.ok, data: data }; });
      })
      .then(function (r) {
        if (r.ok) pick(r.data.value, r.data.label);
        else showDialogErrors(r.data.errors && r.data.errors.length ? r.data.errors : [{ field: '', message: r.data.detail || say('notCreated', 'Not created.') }]);
      })
      .catch(function () { showDialogErrors([{ field: '', message: say('createFailed', 'The organisation could not be created. Try again.') }]); })
      .finally(function () { button.disabled = false; });
  }

  if (dialog) {
    document.querySelectorAll('form[data-inline-new] input[data-picker="organisations"], form[data-inline-new] input[data-picker="units"]').forEach(function (input) {
      addNewButton(input);
    });
    document.querySelectorAll('[data-no-script]').forEach(function (el) { el.hidden = true; });
    dialog.addEventListener('click', function (e) {
      var t = e.target.closest && e.target.closest('button');
      if (!t) return;
      if (t.hasAttribute('data-close-dialog')) { dialog.close(); if (opener) opener.focus(); }
      if (t.hasAttribute('data-use-existing') && existing) pick(existing.value, existing.value);
    });
    dialog.querySelector('form').addEventListener('submit', function (e) {
      e.preventDefault();
      createOrganisation(e.target);
    });
    var ror = dialog.querySelector('[data-ror-lookup]');
    var rorTimer = null;
    ror.addEventListener('input', function () {
      window.clearTimeout(rorTimer);
      rorTimer = window.setTimeout(function () { lookUpRor(ror); }, 150);
    });
  }

  function addNewButton(input) {
    var holder = input.closest('.form-field, .row-scalar');
    if (!holder || holder.querySelector('[data-new-org]')) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button-link new-org-button';
    button.setAttribute('data-new-org', '');
    button.setAttribute('aria-haspopup', 'dialog');
    var isUnit = input.getAttribute('data-picker') === 'units';
    button.textContent = isUnit ? say('newUnitButton', 'New unit…') : say('newOrgButton', 'New organisation…');
    input.insertAdjacentElement('afterend', button);
  }

  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button[data-new-org]');
    if (!button || !dialog) return;
    e.preventDefault();
    opener = pickerOf(button);
    existing = null;
    clearDialogErrors();
    var form = dialog.querySelector('form');
    form.reset();
    // Hidden fields keep what a fill set: empty them by hand.
    form.querySelectorAll('input[data-identifier]').forEach(function (el) { el.value = ''; });
    setField('names[0].kind', 'display');
    setField('names[1].kind', 'label');
    dialog.querySelector('[data-more-names]').replaceChildren();
    document.getElementById('new-org-ror-choices').replaceChildren();
    document.getElementById('new-org-existing').hidden = true;
    var isUnit = opener && opener.getAttribute('data-picker') === 'units';
    dialog.querySelector('#new-org-h').textContent = isUnit ? say('newUnit', 'New unit') : say('newOrg', 'New organisation');
    if (isUnit) form.querySelector('[name="kind"]').value = 'unit';
    if (opener && opener.value.trim()) form.querySelector('[name="names[0].value"]').value = opener.value.trim();
    dialog.showModal();
    form.querySelector('[data-ror-lookup]').focus();
  });

  // A form that came back with problems: start at the list of them.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
