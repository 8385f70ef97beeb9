// Runs before the first paint (a file, not inline: the CSP allows scripts from 'self' only), so a
// dark system or a stored choice never flashes the light theme. The theme toggle
// (src/app/theme-choice.ts) writes the same key and class.
(function () {
  var stored = null;
  try {
    stored = window.localStorage.getItem('rolecall:theme');
  } catch {
    stored = null;
  }
  var query = window.matchMedia('(prefers-color-scheme: dark)');
  function apply() {
    var choice = document.documentElement.dataset.theme || stored || 'system';
    var dark = choice === 'dark' || (choice === 'system' && query.matches);
    document.documentElement.classList.toggle('dark', dark);
  }
  if (stored === 'light' || stored === 'dark') document.documentElement.dataset.theme = stored;
  apply();
  query.addEventListener('change', apply);
})();
