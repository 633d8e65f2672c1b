// The wording editor's live preview on the organisers' page. As the organiser types, the draft is sent (a POST with
// the page's change token, after a short pause) to the preview address the form names, and the answer, an HTML
// fragment the server escaped, replaces the preview region, which is aria-live="polite". Nothing is saved. Without
// this script the form's Preview button shows the same preview on a new page.
(function () {
  'use strict';
  var form = document.querySelector('form.wording-form[data-preview]');
  var region = document.getElementById('wording-preview');
  if (!form || !region) {
    return;
  }
  var text = form.querySelector('textarea[name=text]');
  var token = form.querySelector('input[name=_csrf]').value;
  var waiting = null;
  var asked = 0;

  function refresh() {
    var mine = ++asked;
    var body = new URLSearchParams();
    body.set('_csrf', token);
    body.set('text', text.value);
    fetch(form.getAttribute('data-preview'), { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        // an older answer arriving late never replaces a newer one
        if (html !== null && mine === asked) {
          region.innerHTML = html;
        }
      })
      .catch(function () { /* the Preview button still works */ });
  }

  text.addEventListener('input', function () {
    clearTimeout(waiting);
    waiting = setTimeout(refresh, 300);
  });
})();
