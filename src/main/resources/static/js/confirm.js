// Forms marked data-confirm ask before they are sent (e.g. cancelling a public holiday, which moves deadlines).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
