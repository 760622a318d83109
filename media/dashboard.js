// Plan Lens dashboard webview: swaps in new charts, and asks the extension to reveal a line.
// No inline handlers (the CSP forbids them): one delegated listener.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('pl-root');
  const title = document.getElementById('pl-title');
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button.pl-reveal') : null;
    if (button) vscode.postMessage({ type: 'reveal', line: Number(button.getAttribute('data-line')) });
  });
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    // The extension escapes all document text; the CSP blocks any script the HTML could carry.
    root.innerHTML = message.html;
    if (typeof message.title === 'string') title.textContent = message.title;
  });
  vscode.postMessage({ type: 'ready' });
})();
