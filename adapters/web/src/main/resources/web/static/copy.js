// The organisers' page: a "Copy" button beside a read-only field (the calendar feed's address). Without this script
// the button stays hidden and the field is there to select and copy by hand. The words it shows come from the page
// (data-copied, data-failed), so they are in the reader's language.
(function () {
  'use strict';

  function say(status, text) {
    if (status) {
      status.textContent = text;
    }
  }

  function copyBySelection(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }

  function wire(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-status'));
    if (!field) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var copied = status ? status.getAttribute('data-copied') : '';
      var failed = status ? status.getAttribute('data-failed') : '';
      say(status, '');
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () {
          say(status, copied);
        }, function () {
          say(status, copyBySelection(field) ? copied : failed);
        });
      } else {
        say(status, copyBySelection(field) ? copied : failed);
      }
    });
  }

  function start() {
    var buttons = document.querySelectorAll('button[data-copy]');
    for (var i = 0; i < buttons.length; i++) {
      wire(buttons[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
