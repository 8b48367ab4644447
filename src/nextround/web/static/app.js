// Small progressive enhancements; every page works without them.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  const text = source.value !== undefined ? source.value : source.textContent;
  navigator.clipboard.writeText(text).then(() => {
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = label; }, 1500);
  });
});

document.addEventListener("input", (event) => {
  const field = event.target.closest("[data-count]");
  if (!field) return;
  const out = document.querySelector(field.dataset.count);
  if (!out) return;
  const limit = Number(field.getAttribute("maxlength") || field.dataset.limit || 0);
  out.textContent = limit ? `${field.value.length} / ${limit}` : String(field.value.length);
  out.classList.toggle("error", limit > 0 && field.value.length > limit);
});

document.addEventListener("submit", (event) => {
  const form = event.target;
  const message = form.dataset && form.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});
